package smile.base.cart;

/**
 * Reads the split value of a fitted Smile tree node. Smile 3.1.1 keeps {@code OrdinalNode.value}
 * (the node sends {@code x <= value} to its true child) in a package-private field without a getter,
 * and demandcast copies fitted trees into its own plain arrays
 * ({@code io.demandcast.core.model.ml.regressor}). This class sits in Smile's package inside
 * demandcast's core module so it can read the field without reflection; that works on the class path
 * because the Smile jars have no module-info. Nothing else belongs here.
 */
public final class OrdinalSplitValue {
    private OrdinalSplitValue() {
    }

    /** The threshold of {@code node}: rows with {@code x <= value} go to its true child, all others (NaN too) to the false child. */
    public static double of(OrdinalNode node) {
        return node.value;
    }
}
