import type { Messages } from './catalog.ts';

/** Messages of readings ingestion (src/readings/, pingheng ingest). */
export const readingsMessages: Messages = {
  'readings.read': { zh: '无法读取读数文件：{detail}', en: 'cannot read the readings file: {detail}' },
  'readings.empty': { zh: '文件为空（没有表头，也没有数据）', en: 'the file is empty (no header, no data)' },
  'readings.binary': {
    zh: '这是二进制文件，不是 CSV 文本（是否为 Excel/压缩文件？请另存为 CSV）',
    en: 'this is a binary file, not CSV text (an Excel or zip file? save it as CSV)',
  },
  'readings.mixedEncoding': {
    zh: '文件混用了编码：有的行是 UTF-8，第 {line} 行不是（GBK？）；请将整个文件另存为同一种编码（UTF-8）',
    en: 'the file mixes encodings: some lines are UTF-8 and line {line} is not (GBK?); save the whole file in one encoding (UTF-8)',
  },
  'readings.encoding': {
    zh: '第 {line} 行附近的字节不是有效的 {encoding} 文本；请用 --encoding 指定编码（utf-8 或 gb18030）',
    en: 'bytes near line {line} are not valid {encoding} text; give the encoding with --encoding (utf-8 or gb18030)',
  },
  'readings.unknownEncoding': {
    zh: '不支持的编码 "{encoding}"（可用 utf-8、gb18030、gbk、utf-16le、utf-16be）',
    en: 'unsupported encoding "{encoding}" (use utf-8, gb18030, gbk, utf-16le, utf-16be)',
  },
  'readings.unknownZone': {
    zh: '未知时区 "{zone}"（应为 IANA 时区名，如 Asia/Shanghai）',
    en: 'unknown time zone "{zone}" (an IANA name such as Asia/Shanghai)',
  },
  'readings.noHeader': {
    zh: '第一行是数据（"{text}"），不是表头；请在首行写列名，如 时间,M1,M2',
    en: 'the first row is data ("{text}"), not a header; put column names first, e.g. time,M1,M2',
  },
  'readings.noTimestamp': {
    zh: '找不到时间列：表头 {header} 中没有 时间/采集时间/time/timestamp 等列名，首行数据中也没有可读的时间',
    en: 'no timestamp column: the header {header} names none (时间, 采集时间, time, timestamp…) and no column of the first rows reads as time',
  },
  'readings.noMeterColumns': { zh: '除时间列外没有计量器具列', en: 'no meter column besides the timestamp' },
  'readings.duplicateColumn': {
    zh: '计量器具 "{meter}" 在表头出现两次（第 {first} 列和第 {second} 列）',
    en: 'meter "{meter}" appears twice in the header (columns {first} and {second})',
  },
  'readings.emptyColumnName': { zh: '第 {column} 列没有列名', en: 'column {column} has no name' },
  'readings.noLongColumns': {
    zh: '长表格式需要 时间、计量器具、读数 三列；表头为 {header}',
    en: 'the long layout needs timestamp, meter and value columns; the header is {header}',
  },
  'readings.noData': { zh: '只有表头，没有数据行', en: 'a header but no data rows' },
  'readings.quotes': { zh: '引号未闭合（{detail}）', en: 'unclosed quote ({detail})' },
  'readings.columnUnit': {
    zh: '列 "{column}" 的单位 "{unit}" 不能换算为计量器具 {meter} 的单位 "{meterUnit}"',
    en: 'column "{column}": unit "{unit}" does not convert to meter {meter}\'s unit "{meterUnit}"',
  },
  'readings.mappingUnknownMeter': {
    zh: '映射中的计量器具 "{meter}" 不在模型中',
    en: 'the mapping names meter "{meter}", which the model does not have',
  },
  'readings.mappingShape': {
    zh: '映射 "{column}"：每一项应为 列名 → 计量器具编号（字符串）',
    en: 'mapping "{column}": each entry maps a column name to a meter id (a string)',
  },
  'readings.mapping': { zh: '映射文件无法读取：{detail}', en: 'the mapping file cannot be read: {detail}' },
  'readings.descending': {
    zh: '时间倒序：第 {line} 行早于上一行；请按时间升序导出',
    en: 'time runs backwards: line {line} is earlier than the row before; export in ascending time',
  },
  // rejected rows and values
  'reject.bad-timestamp': { zh: '时间无法读取', en: 'bad timestamp' },
  'reject.non-numeric': { zh: '读数不是数字', en: 'non-numeric value' },
  'reject.unknown-meter': { zh: '未知计量器具', en: 'unknown meter' },
  'reject.duplicate-timestamp': { zh: '时间重复', en: 'duplicate timestamp' },
  'reject.out-of-order': { zh: '时间早于前一读数', en: 'timestamp before the previous reading' },
  'reject.bad-unit': { zh: '单位不能换算', en: 'unit does not convert' },
  'reject.missing-field': { zh: '字段不足', en: 'missing fields' },
  'reject.extra-field': { zh: '字段多于表头', en: 'more fields than the header' },
  'reject.no-values': { zh: '该行没有任何读数', en: 'no value in the row' },
  'reject.too-large': {
    zh: '读数绝对值超过 1e15，超出可计算范围',
    en: 'a reading beyond 1e15 in magnitude, outside the range computed with',
  },
  // flags
  'flag.stuck': { zh: '读数长时间不变（卡死）', en: 'stuck / flat-lined' },
  'flag.negative-increment': { zh: '负增量', en: 'negative increment' },
  'flag.spike': { zh: '尖峰', en: 'spike' },
  'flag.out-of-range': { zh: '超出量程', en: 'out of declared range' },
  'flag.rollover': { zh: '累计值溢出归零', en: 'totalizer rollover' },
  'flag.reset': { zh: '累计值复位', en: 'totalizer reset' },
  // CLI
  'ingest.window': {
    zh: '测试时段 {start} 至 {end}，共 {hours} h；最长连续 {longest} h（要求 ≥ {minimum} h）：{verdict}',
    en: 'window {start} to {end}, {hours} h; longest continuous {longest} h (≥ {minimum} h required): {verdict}',
  },
  'ingest.rows': {
    zh: '行：读取 {read}，使用 {used}，拒收 {rejected}',
    en: 'rows: read {read}, used {used}, rejected {rejected}',
  },
  'ingest.meets': { zh: '满足', en: 'met' },
  'ingest.fails': { zh: '不满足', en: 'not met' },
  'ingest.header': {
    zh: '计量器具\t累计量\t单位\t标准不确定度\t覆盖率\t缺测段\t质量标记',
    en: 'meter\ttotal\tunit\tsd\tcoverage\tgaps\tflags',
  },
  'ingest.rejectedLine': { zh: '第 {line} 行：{reason}', en: 'line {line}: {reason}' },
  'ingest.unknownColumns': { zh: '未识别的列（已忽略）：{columns}', en: 'unknown columns (ignored): {columns}' },
  'ingest.missingMeters': {
    zh: '模型中有读数要求但文件中没有的计量器具：{meters}',
    en: 'meters of the model with no readings in the file: {meters}',
  },
  'ingest.wrote': { zh: '已写出模型：{file}', en: 'model written: {file}' },
  'ingest.notApplied': {
    zh: '计量器具 {meter} 的累计量未写入模型（{reason}）',
    en: 'meter {meter}: total not written into the model ({reason})',
  },
};
