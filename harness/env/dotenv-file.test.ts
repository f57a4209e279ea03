// .env files are read strictly: what dotenv.parse would skip without a word is a problem naming the
// file and the line, and the line itself is never repeated (it may be a secret).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EnvironmentError } from './errors';
import { loadEnvironment } from './load';
import { postmanDoc, removeTempRoots, tempRoot, thrown } from './temp-root';

afterAll(removeTempRoots);

const doc = postmanDoc('e', [
  { key: 'target', value: 'remote' },
  { key: 'username', value: '' },
  { key: 'password', value: '', type: 'secret' },
]);

function problemsWith(dotenv: string | Buffer): { problems: readonly string[]; message: string; file: string } {
  const root = tempRoot({ e: doc });
  const file = path.join(root, '.env');
  writeFileSync(file, dotenv);
  const error = thrown(() => loadEnvironment({ environment: 'e', rootDir: root, processEnv: {}, mode: 'live' }));
  expect(error).toBeInstanceOf(EnvironmentError);
  return { problems: (error as EnvironmentError).problems, message: error.message, file };
}

describe('.env: bad input (docs/errors.md)', () => {
  it('a directory named .env', () => {
    const root = tempRoot({ e: doc });
    mkdirSync(path.join(root, '.env'));
    const error = thrown(() => loadEnvironment({ environment: 'e', rootDir: root, processEnv: {}, mode: 'live' })) as EnvironmentError;
    expect(error.problems).toEqual([`${path.join(root, '.env')} is a directory, not a .env file: remove it or move it aside`]);
  });

  it('binary content', () => {
    const { problems, file } = problemsWith(Buffer.from([0x43, 0x4c, 0x0a, 0x00, 0xff, 0x10]));
    expect(problems).toEqual([`${file} holds binary data (a NUL byte on line 2); a .env file is text, one CLOUDLINK_NAME=value per line`]);
  });

  it('text that is not UTF-8', () => {
    const { problems, file } = problemsWith(Buffer.from('CLOUDLINK_USERNAME=caf\xe9\n', 'latin1'));
    expect(problems).toEqual([`${file} is not UTF-8 text; save it as UTF-8, one CLOUDLINK_NAME=value per line`]);
  });

  it('a line of garbage, without repeating it', () => {
    const { problems, message, file } = problemsWith('CLOUDLINK_USERNAME=ann\n  hunter2 is my password\n');
    expect(problems).toEqual([expect.stringMatching(new RegExp(`^${file}, line 2, column 3: not NAME=value`))]);
    expect(message).not.toContain('hunter2');
  });

  it('a name with a space in it', () => {
    expect(problemsWith('CLOUDLINK USERNAME=ann\n').problems).toEqual([expect.stringContaining('line 1, column 1: not NAME=value')]);
  });

  it('a quoted value that is never closed', () => {
    expect(problemsWith('CLOUDLINK_PASSWORD="abc\nCLOUDLINK_USERNAME=ann\n').problems).toEqual([
      expect.stringContaining('line 1: the value opened with " is never closed'),
    ]);
  });

  it('a variable without its CLOUDLINK_ prefix', () => {
    expect(problemsWith('PASSWORD=x\n').problems).toEqual([
      expect.stringContaining('PASSWORD is not read: variables are set by their upper-case CLOUDLINK_ name. Did you mean "CLOUDLINK_PASSWORD"?'),
    ]);
  });

  it('a variable in lower case', () => {
    expect(problemsWith('cloudlink_username=ann\n').problems).toEqual([expect.stringContaining('Did you mean "CLOUDLINK_USERNAME"?')]);
  });

  it('a misspelt CLOUDLINK_ name, with did-you-mean', () => {
    expect(problemsWith('CLOUDLINK_USRNAME=ann\n').problems).toEqual([
      expect.stringContaining(
        'CLOUDLINK_USRNAME matches no variable of this environment (see environments/.env.example for the names). Did you mean "CLOUDLINK_USERNAME"',
      ),
    ]);
  });

  it("accepts what dotenv accepts: comments, export, quotes over several lines, other tools' names", () => {
    const root = tempRoot({ e: doc }, { '.env': '# c\nexport CLOUDLINK_USERNAME=ann # note\nCLOUDLINK_PASSWORD="a\nb"\nNODE_OPTIONS=--x\n\n' });
    expect(loadEnvironment({ environment: 'e', rootDir: root, processEnv: {}, mode: 'live' }).values).toMatchObject({ username: 'ann', password: 'a\nb' });
  });
});

describe('environment file and selectors: bad input', () => {
  it('an environment file of binary data', () => {
    const root = tempRoot({ e: '\u0000\u0001binary' });
    expect(thrown(() => loadEnvironment({ environment: 'e', rootDir: root, processEnv: {} })).message).toContain(
      'holds binary data, not the JSON text of a Postman environment export',
    );
  });

  it('an environment path that is a directory', () => {
    const root = tempRoot({ e: doc });
    expect(thrown(() => loadEnvironment({ environment: `${root}/environments/`, rootDir: root, processEnv: {} })).message).toContain(
      'no such file (from environment selector',
    );
  });

  it('CLOUDLINK_MODE misspelt, with did-you-mean', () => {
    const root = tempRoot({ e: doc });
    expect(thrown(() => loadEnvironment({ environment: 'e', rootDir: root, processEnv: { CLOUDLINK_MODE: 'replya' } })).message).toContain(
      'CLOUDLINK_MODE is "replya"; expected one of replay, live, record. Did you mean "replay"?',
    );
  });
});
