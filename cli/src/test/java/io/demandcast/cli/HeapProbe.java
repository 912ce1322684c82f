package io.demandcast.cli;

/** Run by {@link LauncherTest} through the launcher in a jar of its own: prints the heap the JVM was given. */
public final class HeapProbe {
    private HeapProbe() {
    }

    public static void main(String[] args) {
        System.out.println("max heap " + Runtime.getRuntime().maxMemory());
    }
}
