// Newman's --iteration-data: a CSV file whose header row names the variables, or a JSON array of
// objects, one iteration per row. Each row becomes CLOUDLINK_<VARIABLE> overrides for its run
// (Postman's data scope beats the environment). A mistake names the file and the line or row.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { jsonSyntaxProblem } from '../../harness/env/json-position';
import { UsageError } from './options';

export type DataRow = Record<string, string>;

export function readIterationData(file: string): DataRow[] {
  const absolute = path.resolve(file);
  const where = `Iteration data ${absolute} (--iteration-data)`;
  let text: string;
  try {
    if (statSync(absolute).isDirectory()) throw new UsageError(`${where} is a directory; name a .csv or .json file.`);
    text = readFileSync(absolute, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${where} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
  const extension = path.extname(absolute).toLowerCase();
  const rows = extension === '.json' ? jsonRows(text, where) : extension === '.csv' ? csvRows(text, where) : undefined;
  if (!rows) throw new UsageError(`${where}: expected a .csv or .json file, not "${extension || 'no extension'}".`);
  if (rows.length === 0) throw new UsageError(`${where} has no rows: nothing to iterate over.`);
  return rows;
}

function jsonRows(text: string, where: string): DataRow[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UsageError(`${where} is not valid JSON: ${jsonSyntaxProblem(text)}.`);
  }
  if (!Array.isArray(parsed)) throw new UsageError(`${where} must be a JSON array of objects, one per iteration.`);
  return parsed.map((row: unknown, index) => {
    if (row === null || typeof row !== 'object' || Array.isArray(row)) throw new UsageError(`${where}: row [${index}] is not an object of variable: value.`);
    const out: DataRow = {};
    for (const [key, value] of Object.entries(row)) {
      if (!['string', 'number', 'boolean'].includes(typeof value))
        throw new UsageError(`${where}: row [${index}] "${key}" must be a string, number or boolean.`);
      out[key] = String(value);
    }
    return out;
  });
}

/** RFC 4180 CSV: commas, double-quoted fields with "" for a quote, CRLF or LF line ends. */
function csvRows(text: string, where: string): DataRow[] {
  const records = csvRecords(text, where).filter((fields) => !(fields.length === 1 && fields[0]?.value === ''));
  const [header, ...body] = records;
  if (!header) return [];
  const names = header.map((field) => field.value.trim());
  const blank = names.findIndex((name) => name === '');
  if (blank >= 0) throw new UsageError(`${where}, line 1: column ${blank + 1} of the header has no name.`);
  return body.map((fields) => {
    if (fields.length !== names.length) {
      throw new UsageError(`${where}, line ${fields[0]?.line}: ${fields.length} fields, but the header names ${names.length}.`);
    }
    return Object.fromEntries(names.map((name, i) => [name, fields[i]?.value ?? '']));
  });
}

function csvRecords(text: string, where: string): { value: string; line: number }[][] {
  const records: { value: string; line: number }[][] = [];
  let fields: { value: string; line: number }[] = [];
  let value = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        value += '"';
        i++;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line++;
        value += char;
      }
    } else if (char === '"' && value === '') {
      quoted = true;
      quoteLine = line;
    } else if (char === ',') {
      fields.push({ value, line: recordLine });
      value = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      fields.push({ value, line: recordLine });
      records.push(fields);
      fields = [];
      value = '';
      line++;
      recordLine = line;
    } else if (char === '"') throw new UsageError(`${where}, line ${line}: a quote inside an unquoted field; quote the whole field and double the quote ("").`);
    else value += char;
  }
  if (quoted) throw new UsageError(`${where}, line ${quoteLine}: a quoted field is never closed.`);
  if (value !== '' || fields.length) {
    fields.push({ value, line: recordLine });
    records.push(fields);
  }
  return records;
}
