#!/usr/bin/env python3
"""Writes the input-* cases of the bad-input corpus (issue 14) under core/src/test/resources/corpus; run from the repository root."""
import datetime, os, random, shutil

ROOT = 'core/src/test/resources/corpus'
D0 = datetime.date(2024, 1, 1)
DAYS = 28

def daily_rows():
    rows = []
    for s, sid in enumerate(['A', 'B']):
        for d in range(DAYS):
            v = 2 + s + (d % 7) * (s + 1) + (0.5 if d % 3 == 0 else 0)
            rows.append((sid, D0 + datetime.timedelta(days=d), v))
    return rows

def monthly_rows():
    rows = []
    for s, sid in enumerate(['A', 'B']):
        for m in range(30):
            y, mo = 2021 + m // 12, m % 12 + 1
            v = 10 + s * 5 + (m % 12) * (s + 1) + (0.5 if m % 4 == 0 else 0)
            rows.append((sid, datetime.date(y, mo, 1), v))
    return rows

def num(v, dec='.'):
    t = ('%d' % v) if v == int(v) else ('%.1f' % v)
    return t.replace('.', dec)

def csv(rows, delim=',', dec='.', datefmt=lambda d: d.isoformat(), header='series_id,date,value', eol='\n'):
    lines = [header.replace(',', delim)]
    for sid, d, v in rows:
        lines.append(delim.join([sid, datefmt(d), num(v, dec)]))
    return eol.join(lines) + eol

def experiment(monthly=False, data_extra='', extra=''):
    schema = "  schema: {id: [series_id], date: date, target: value}\n"
    if '  schema:' in data_extra:
        schema = ''
    return (
        "name: corpus\n"
        "data:\n"
        "  files: ['${DIR}/sales.csv']\n"
        + schema
        + data_extra +
        "prepare:\n"
        "  output: '${DIR}/prepared'\n"
        "model:\n"
        "  name: snaive\n"
        "  family: seasonal_naive\n"
        "  params: {season_length: " + ('12' if monthly else '7') + "}\n"
        "train:\n"
        "  store: '${DIR}/store'\n"
        "predict:\n"
        "  horizon: " + ('6' if monthly else '7') + "\n"
        "  output: '${DIR}/forecast.csv'\n"
        + extra)

def write_case(name, files, case, exp):
    d = os.path.join(ROOT, name)
    if os.path.exists(d):
        shutil.rmtree(d)
    os.makedirs(d)
    for fname, content in files.items():
        mode = 'wb' if isinstance(content, bytes) else 'w'
        with open(os.path.join(d, fname), mode, **({} if mode == 'wb' else {'newline': '', 'encoding': 'utf-8'})) as f:
            f.write(content)
    with open(os.path.join(d, 'experiment.yaml'), 'w') as f:
        f.write(exp)
    with open(os.path.join(d, 'case.yaml'), 'w') as f:
        f.write(case)

def valid(name, clean, comment, files, data_extra='', monthly=False):
    case = ("# " + comment + "\n"
            "setup: [prepare, train]\n"
            "verb: predict\n"
            "same_forecast_as: " + clean + "\n")
    write_case(name, files, case, experiment(monthly, data_extra))

def invalid(name, comment, files, message, data_extra='', verb='prepare', setup=None, extra='', monthly=False):
    quoted = ', '.join('"' + m.replace('\\', '\\\\').replace('"', '\\"') + '"' for m in message)
    case = ("# " + comment + "\n"
            + ("setup: [" + ', '.join(setup) + "]\n" if setup else "")
            + "verb: " + verb + "\n"
            "exit: 2\n"
            "message: [" + quoted + "]\n")
    write_case(name, files, case, experiment(monthly, data_extra, extra))

daily = daily_rows()
monthly = monthly_rows()
dmy = lambda d: d.strftime('%d/%m/%Y')
mdy = lambda d: d.strftime('%m/%d/%Y')

# ---- awkward but valid: each forecasts as its clean equivalent -------------------------------
clean_daily = 'input-clean-daily'
clean_monthly = 'input-clean-monthly'
case = "# the clean daily file the awkward daily cases are compared with\nsetup: [prepare, train]\nverb: predict\nexit: 0\n"
write_case(clean_daily, {'sales.csv': csv(daily)}, case, experiment())
case = "# the clean monthly file (dates on the 1st) the awkward monthly cases are compared with\nsetup: [prepare, train]\nverb: predict\nexit: 0\n"
write_case(clean_monthly, {'sales.csv': csv(monthly)}, case, experiment(True))

valid('input-bom-crlf', clean_daily, "Excel's \"CSV UTF-8\": a byte-order mark and CRLF line ends",
      {'sales.csv': '\ufeff' + csv(daily, eol='\r\n')})
valid('input-semicolon-decimal-comma', clean_daily, 'a European export: semicolons between fields, decimal commas',
      {'sales.csv': csv(daily, ';', ',')}, "  format: {delimiter: ';', decimal: ','}\n")
valid('input-ddmmyyyy', clean_daily, 'day-first dates (dd/MM/yyyy)',
      {'sales.csv': csv(daily, datefmt=dmy)}, "  format: {date_format: dd/MM/yyyy}\n")
valid('input-mmddyyyy', clean_daily, 'month-first dates (MM/dd/yyyy)',
      {'sales.csv': csv(daily, datefmt=mdy)}, "  format: {date_format: MM/dd/yyyy}\n")
valid('input-excel-european', clean_daily, 'Excel in a European locale: BOM, CRLF, semicolons, decimal commas, dd/MM/yyyy',
      {'sales.csv': '\ufeff' + csv(daily, ';', ',', dmy, eol='\r\n')},
      "  format: {delimiter: ';', decimal: ',', date_format: dd/MM/yyyy}\n")
spaced = ' series_id , date , value \n' + ''.join(
    ('%s ,  %s , %s\n' if i % 2 else '  %s,%s ,\t%s \n') % (sid, d.isoformat(), num(v)) for i, (sid, d, v) in enumerate(daily))
valid('input-spaces', clean_daily, 'spaces and tabs around fields and header names', {'sales.csv': spaced})
tx = []
for sid, d, v in daily:
    tx.append((sid, d, v - 1))
for sid, d, v in daily:
    tx.append((sid, d, 1))
valid('input-duplicates-sum', clean_daily, 'transaction-level rows: two rows per series and day, summed',
      {'sales.csv': csv(tx)}, "  duplicates: sum\n")
corrected = [(sid, d, 999) for sid, d, v in daily[:5]] + daily
valid('input-duplicates-last', clean_daily, 'a file whose later rows correct earlier ones (same series and day): the last row read is kept',
      {'sales.csv': csv(corrected)}, "  duplicates: last\n")
month_end = [(sid, (d.replace(day=28) + datetime.timedelta(days=4)).replace(day=1) - datetime.timedelta(days=1), v) for sid, d, v in monthly]
valid('input-month-end', clean_monthly, 'monthly data dated on the last day of each month', {'sales.csv': csv(month_end)}, monthly=True)
mtx = []
for i, (sid, d, v) in enumerate(monthly):
    mtx.append((sid, d.replace(day=3 + i % 5), v - 2))
    mtx.append((sid, d.replace(day=17 + i % 9), 2))
valid('input-monthly-transactions', clean_monthly, 'monthly data given as dated transactions on any day of the month, summed per month',
      {'sales.csv': csv(mtx)}, "  frequency: monthly\n  duplicates: sum\n", monthly=True)

# ---- invalid: exit 2, one line naming the file and line ---------------------------------------
random.seed(14)
binary = bytes([0x89]) + b'PNG\r\n\x1a\n' + bytes(random.getrandbits(8) for _ in range(600))
invalid('input-binary-file', 'a binary file (an image) named .csv', {'sales.csv': binary}, ['sales.csv:1:', 'not UTF-8 text', 'UTF-8'])
latin1 = csv(daily).replace('B,2024-01-02,', 'B\u00e9,2024-01-02,').encode('latin-1')
invalid('input-latin1-bytes', 'a Latin-1 (Windows-1252) file: bytes that are not UTF-8 on line 31',
        {'sales.csv': latin1}, ['sales.csv:31:2:', 'not UTF-8 text (byte 0xE9)', 'UTF-8'])
invalid('input-wrong-delimiter', 'a semicolon file read without data.format', {'sales.csv': csv(daily, ';', ',')},
        ['sales.csv:1:', "missing column 'series_id'", "data.format.delimiter: ';'"])
bad_dmy = csv(daily, datefmt=dmy).replace('A,03/01/2024,', 'A,31/02/2024,')
invalid('input-bad-date-for-format', 'a date that does not exist in the given format (31 February)', {'sales.csv': bad_dmy},
        ['sales.csv:4:2:', "column 'date': '31/02/2024' is not a date in dd/MM/yyyy"], "  format: {date_format: dd/MM/yyyy}\n")
invalid('input-iso-dates-with-dmy-format', 'ISO dates in a file declared dd/MM/yyyy', {'sales.csv': csv(daily)},
        ['sales.csv:2:2:', "'2024-01-01' is not a date in dd/MM/yyyy"], "  format: {date_format: dd/MM/yyyy}\n")
invalid('input-mdy-dates-read-as-dmy', 'month-first dates in a file declared day-first (fails on the 13th)', {'sales.csv': csv(daily, datefmt=mdy)},
        ['sales.csv:14:2:', "'01/13/2024' is not a date in dd/MM/yyyy"], "  format: {date_format: dd/MM/yyyy}\n")
invalid('input-bad-decimal', 'a decimal point in a file declared with decimal commas',
        {'sales.csv': csv(daily, ';', ',').replace('A;2024-01-04;5,5', 'A;2024-01-04;5.5')},
        ['sales.csv:5:3:', "'5.5' is not a number with decimal mark ','"], "  format: {delimiter: ';', decimal: ','}\n")
invalid('input-decimal-comma-without-format', 'a quoted decimal comma in a file read with the default format',
        {'sales.csv': csv(daily).replace('A,2024-01-01,2.5', 'A,2024-01-01,"2,5"')},
        ['sales.csv:2:3:', "'2,5' is not a number with decimal mark '.'", 'data.format'])
invalid('input-duplicates-error', 'the same series and day twice under the default data.duplicates: error',
        {'sales.csv': csv(daily + [('A', D0 + datetime.timedelta(days=2), 7)])},
        ['sales.csv:58:2:', "duplicate row for series 'A' on 2024-01-03", 'sales.csv:4', 'data.duplicates'])
invalid('input-monthly-duplicates-error', 'two transaction dates in one month under data.duplicates: error', {'sales.csv': csv(mtx)},
        ['sales.csv:3:2:', "duplicate row for series 'A'", 'same month as 2021-01-03', 'data.duplicates'],
        "  frequency: monthly\n", monthly=True)
priced = 'series_id,date,value,price\n' + ''.join('%s,%s,%s,%s\n' % (sid, d.isoformat(), num(v), '2.5') for sid, d, v in daily) \
    + 'A,2024-01-05,1,2.75\n'
invalid('input-duplicates-sum-price-differs', 'summed duplicates whose price differs: a price is not summed, so they must agree',
        {'sales.csv': priced}, ['sales.csv:58:4:', "column 'price' differs", 'sales.csv:6'],
        "  schema: {id: [series_id], date: date, target: value, covariates: [price]}\n  duplicates: sum\n")
invalid('input-missing-target-column', 'the target column is absent', {'sales.csv': csv(daily).replace('series_id,date,value', 'series_id,date,units')},
        ['sales.csv:1:', "missing column 'value'", 'found: series_id, date, units'])
invalid('input-empty-file', 'a zero-byte file', {'sales.csv': ''}, ['sales.csv:1:1:', 'empty file'])
invalid('input-header-only', 'a header line and no rows', {'sales.csv': 'series_id,date,value\n'}, ['sales.csv:2:', 'no data rows'])
invalid('input-non-numeric-target', 'a word in the target column',
        {'sales.csv': csv(daily).replace('A,2024-01-03,4', 'A,2024-01-03,lots', 1)}, ['sales.csv:4:3:', "column 'value': 'lots' is not a number"])
invalid('input-short-row', 'a row with a missing field', {'sales.csv': csv(daily).replace('A,2024-01-02,3\n', 'A,2024-01-02\n', 1)},
        ['sales.csv:3:', 'expected 3 fields, found 2'])
invalid('input-empty-series-key', 'a row without a series id', {'sales.csv': csv(daily).replace('A,2024-01-02,', ',2024-01-02,', 1)},
        ['sales.csv:3:1:', 'empty series key'])
weekly = ''.join('%s,%s,%s\n' % (sid, (D0 + datetime.timedelta(weeks=w)).isoformat(), w + 1) for sid in 'AB' for w in range(20))
weekly = 'series_id,date,value\n' + weekly.replace('A,2024-02-05,', 'A,2024-02-07,')
invalid('input-weekly-off-weekday', 'a weekly row on another weekday: weeks are not moved (no week convention is assumed)',
        {'sales.csv': weekly}, ['sales.csv:7:2:', 'date 2024-02-07 does not fit weekly data', 'every monday'], "  frequency: weekly\n")
invalid('input-bad-delimiter-config', 'data.format.delimiter of two characters', {'sales.csv': csv(daily)},
        ['experiment.yaml:5:', 'data.format.delimiter'], "  format: {delimiter: ';;'}\n")
invalid('input-bad-date-format-config', 'data.format.date_format without a year', {'sales.csv': csv(daily)},
        ['experiment.yaml:5:', 'data.format.date_format', "'dd/MM'"], "  format: {date_format: dd/MM}\n")
invalid('input-decimal-equals-delimiter', 'data.format.decimal , with the default , delimiter', {'sales.csv': csv(daily)},
        ['experiment.yaml:5:', 'data.format.decimal', "data.format.delimiter: ';'"], "  format: {decimal: ','}\n")
invalid('input-unknown-duplicates-policy', 'data.duplicates: add', {'sales.csv': csv(daily)},
        ['experiment.yaml:5:', 'data.duplicates', "'add' is not one of [error, sum, last]"], "  duplicates: add\n")
cal_latin1 = ('date,event\n' + ''.join('%s,%s\n' % ((D0 + datetime.timedelta(days=d)).isoformat(), 'F\u00eate' if d == 9 else '') for d in range(40))).encode('latin-1')
invalid('input-calendar-latin1', 'a Latin-1 calendar file (an accented event name)', {'sales.csv': csv(daily), 'calendar.csv': cal_latin1},
        ['calendar.csv:11:', 'not UTF-8 text', 'UTF-8'], "  calendar: {file: '${DIR}/calendar.csv', categorical: [event]}\n")
cal_bad_date = 'date;snap\n' + ''.join('%s;%d\n' % (dmy(D0 + datetime.timedelta(days=d)), d % 2) for d in range(40)).replace('10/01/2024', '2024-01-10')
invalid('input-calendar-bad-date', 'a calendar date not in data.format.date_format', {'sales.csv': csv(daily, ';', ',', dmy), 'calendar.csv': cal_bad_date},
        ['calendar.csv:11:1:', "'2024-01-10' is not a date in dd/MM/yyyy"],
        "  format: {delimiter: ';', decimal: ',', date_format: dd/MM/yyyy}\n  calendar: {file: '${DIR}/calendar.csv', covariates: [snap]}\n")
future = ('series_id,date,value\n' + ''.join('%s,%s,\n' % (sid, (D0 + datetime.timedelta(days=DAYS + d)).isoformat()) for sid in 'AB' for d in range(7))
          ).replace('B,', 'B\u00e9,', 1).encode('latin-1')
invalid('input-future-latin1', 'a predict.future file with bytes that are not UTF-8', {'sales.csv': csv(daily), 'future.csv': future},
        ['future.csv:9:2:', 'not UTF-8 text'], verb='predict', setup=['prepare', 'train'],
        extra="  future: '${DIR}/future.csv'\n")
print('written')
