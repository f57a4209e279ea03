// The naming rule, and the shipped files held to it: every environment file and .env.example must
// agree with the variables the harness reads.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { availableEnvironments } from './locate';
import { loadEnvironment } from './load';
import { KNOWN_VARIABLES, envVariableName, isSecretVariable } from './variables';

const ROOT = path.resolve(__dirname, '..', '..');

describe('envVariableName', () => {
  it.each([
    ['password', 'CLOUDLINK_PASSWORD'],
    ['x-mitel-app', 'CLOUDLINK_X_MITEL_APP'],
    ['username2', 'CLOUDLINK_USERNAME2'],
    ['accountId', 'CLOUDLINK_ACCOUNTID'],
    ['auth_url', 'CLOUDLINK_AUTH_URL'],
    ['my var.name', 'CLOUDLINK_MY_VAR_NAME'],
  ])('%s → %s', (key, name) => {
    expect(envVariableName(key)).toBe(name);
  });
});

describe('isSecretVariable', () => {
  it('is true for Postman secrets and for credential names, whatever the type', () => {
    expect(isSecretVariable('anything', 'secret')).toBe(true);
    expect(isSecretVariable('client_secret', 'default')).toBe(true);
    expect(isSecretVariable('Refresh_Token')).toBe(true);
    expect(isSecretVariable('username', 'default')).toBe(false);
  });
});

describe('the shipped environments', () => {
  // A user's own environment files (an account's, or one `npm run import` wrote) sit beside them.
  const names = ['dev', 'eu', 'production', 'sandbox'];

  it('are sandbox, production, eu and dev', () => {
    expect(availableEnvironments(ROOT)).toEqual(expect.arrayContaining(names));
  });

  it.each(names)('%s loads, has every harness variable and no secret value', (name) => {
    const doc = JSON.parse(readFileSync(path.join(ROOT, 'environments', `${name}.postman_environment.json`), 'utf8')) as {
      values: { key: string; value: string; type: string }[];
    };
    expect(doc.values.map((v) => v.key)).toEqual(KNOWN_VARIABLES);
    for (const entry of doc.values) {
      if (isSecretVariable(entry.key, entry.type)) expect({ key: entry.key, value: entry.value }).toEqual({ key: entry.key, value: '' });
      if (isSecretVariable(entry.key)) expect({ key: entry.key, type: entry.type }).toEqual({ key: entry.key, type: 'secret' });
    }
    const env = loadEnvironment({ environment: name, rootDir: ROOT, processEnv: {}, mode: 'live' });
    expect(env.target).toBe(name === 'sandbox' ? 'sandbox' : 'remote');
  });

  it('point production at the sourced hosts', () => {
    const env = loadEnvironment({ environment: 'production', rootDir: ROOT, processEnv: {}, mode: 'live' });
    expect(env.urlKeys.map((key) => env.values[key])).toEqual([
      'https://authentication.api.mitel.io/2017-09-01',
      'https://admin.api.mitel.io/2017-09-01',
      'https://media.api.mitel.io/2017-09-01',
      'https://chat.api.mitel.io/2017-09-01',
      'https://notifications.api.mitel.io/2017-09-01',
    ]);
  });
});

describe('environments/.env.example', () => {
  it('lists exactly the override name of every harness variable, each blank', () => {
    const text = readFileSync(path.join(ROOT, 'environments', '.env.example'), 'utf8');
    const lines = text.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
    expect([...lines].sort()).toEqual(KNOWN_VARIABLES.map((key) => `${envVariableName(key)}=`).sort());
  });
});
