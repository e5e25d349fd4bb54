/**
 * npm run bench:import — 100,000 client rows imported from CSV and from .xlsx into an empty encrypted store,
 * through the same calls as the wizard and `crm import` (upload in parts, analyse, import in one transaction).
 * Prints time per phase and the peak growth of the process's resident memory (targets: CSV under 20 s, growth
 * under 300 MB). Not a test. Options: --rows N (default 100000).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { openBackend, type Backend } from '../../backend/backend.ts';
import { FILE_PART_BYTES, type ImportJobView } from '../../shared/api/importContract.ts';
import { USCC_ALPHABET, usccCheckCharacter } from '../../shared/domain/uscc.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' } } });
const rows = Number(values.rows);
const dir = path.resolve('.cache/bench');
fs.mkdirSync(dir, { recursive: true });
const KEY = 'b0a7'.repeat(16);

const PLACES = ['北京', '上海', '广东', '江苏', '浙江', '四川', '湖北', '山东'];
const TRADES = ['华能', '天天', '长江', '明月', '恒通', '瑞德', '嘉博', '星辰', '宏远', '鑫润'];
/** The word in the name, and the industry column as people fill it in. */
const INDUSTRIES = [['电力', '电力'], ['新能源', 'renewables'], ['交通投资', '交通'], ['水务', 'Water']] as const;
const RATINGS = ['AAA', 'AA+', 'AA', 'A', 'BBB', 'BB'];
const HEADERS = ['客户名称', '英文名称', '统一社会信用代码', '信用评级', '行业', '地区', '规模', '客户状态', '客户经理', '年营业收入（万元）', '标签', '备注'];

function row(n: number): string[] {
  let serial = '';
  for (let rest = n, i = 0; i < 11; i++, rest = Math.floor(rest / USCC_ALPHABET.length)) serial = USCC_ALPHABET.charAt(rest % USCC_ALPHABET.length) + serial;
  const body = `91${String(110000 + (n % 8) * 10000).slice(0, 4)}${serial}`;
  const [word, industry] = INDUSTRIES[n % INDUSTRIES.length]!;
  return [
    `${PLACES[n % PLACES.length]}${TRADES[Math.floor(n / 8) % TRADES.length]}${word}第${n}有限公司`, `Client ${n} Co., Ltd.`, body + usccCheckCharacter(body),
    RATINGS[n % RATINGS.length]!, industry, PLACES[n % PLACES.length]!, '大型', '活跃', 'li.wei', `${(n % 5000) + 1}.5`, '央企',
    n % 10 === 0 ? '年度回访，\n关注融资需求' : '',
  ];
}

const csvFile = path.join(dir, `import-${rows}.csv`);
const xlsxFile = path.join(dir, `import-${rows}.xlsx`);
const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
if (!fs.existsSync(csvFile)) {
  const out = fs.createWriteStream(csvFile);
  out.write(`\uFEFF${HEADERS.join(',')}\r\n`);
  for (let n = 0; n < rows; n++) if (!out.write(`${row(n).map(quote).join(',')}\r\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  await new Promise((resolve) => out.end(resolve));
}
if (!fs.existsSync(xlsxFile)) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsxFile, useSharedStrings: true });
  const sheet = workbook.addWorksheet('客户');
  sheet.addRow(HEADERS).commit();
  for (let n = 0; n < rows; n++) sheet.addRow(row(n)).commit();
  await workbook.commit();
}

async function importFile(file: string): Promise<Record<string, string>> {
  const dbFile = path.join(dir, 'import-bench.db');
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbFile + suffix, { force: true });
  const backend: Backend = openBackend({ file: dbFile, keyHex: KEY });
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const wait = async (job: ImportJobView, phase: ImportJobView['phase']) => {
    let state = job;
    while (state.phase === phase) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      state = await backend.api['imports.job']({ jobId: job.id });
    }
    if (state.phase === 'failed') throw new Error(state.error ?? 'failed');
    return state;
  };
  try {
    const cpu = () => {
      const usage = process.cpuUsage();
      return (usage.user + usage.system) / 1000;
    };
    const c0 = cpu();
    const t0 = performance.now();
    const { id } = await backend.api['files.begin']({ name: path.basename(file) });
    let part = 0;
    for await (const chunk of fs.createReadStream(file, { highWaterMark: FILE_PART_BYTES }) as AsyncIterable<Buffer>)
      await backend.api['files.write']({ id, part: part++, data: chunk.toString('base64') });
    const t1 = performance.now();
    const c1 = cpu();
    const analysed = await wait(await backend.api['imports.analyse']({ fileId: id, kind: 'clients' }), 'analysing');
    const t2 = performance.now();
    const c2 = cpu();
    const done = await wait(await backend.api['imports.run']({ jobId: analysed.id }), 'importing');
    const t3 = performance.now();
    const c3 = cpu();
    const stats = await backend.api['store.stats']({});
    // CPU time beside wall time: on a busy machine the wall clock also counts other processes' turns.
    const s = (ms: number, cpuMs: number) => `${(ms / 1000).toFixed(1)} s (CPU ${(cpuMs / 1000).toFixed(1)} s)`;
    return {
      file: `${path.basename(file)} (${(fs.statSync(file).size / 1e6).toFixed(1)} MB)`,
      upload: s(t1 - t0, c1 - c0), analyse: s(t2 - t1, c2 - c1), import: s(t3 - t2, c3 - c2), total: s(t3 - t0, c3 - c0),
      rows: `${done.result?.created} created, ${analysed.summary?.rejected} rejected; store holds ${stats.clients} clients, ${stats.statusChanges} status entries`,
      'peak RSS growth': `${((peak - baseline) / 1e6).toFixed(0)} MB`,
    };
  } finally {
    clearInterval(sampler);
    backend.close();
  }
}

for (const file of [csvFile, xlsxFile]) {
  const result = await importFile(file);
  console.log(Object.entries(result).map(([k, v]) => `${k.padEnd(16)} ${v}`).join('\n'), '\n');
}
