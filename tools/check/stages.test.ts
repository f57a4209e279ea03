// The checks of `npm test` are package.json's scripts: named as a user runs them, run as their own
// command lines.
import packageJson from '../../package.json';
import { npmScript, STATIC_CHECKS, SUITE_RUNS, UNIT_TESTS } from './stages';

describe('npmScript', () => {
  it("runs the script's own command line, with the arguments after it, and names it as `npm run -s`", () => {
    expect(npmScript('replay', 'test:replay', '--reports reports/replay')).toEqual({
      name: 'replay',
      command: 'npm run -s test:replay -- --reports reports/replay',
      run: `${packageJson.scripts['test:replay']} --reports reports/replay`,
    });
  });

  it('names the script package.json lacks', () => {
    expect(() => npmScript('gone', 'no:such-script')).toThrow('package.json has no script "no:such-script"');
  });

  it("builds every stage's checks from scripts that exist", () => {
    for (const check of [...STATIC_CHECKS, UNIT_TESTS, ...SUITE_RUNS]) {
      expect(check.command).toMatch(/^npm run -s /);
      expect(check.run).not.toMatch(/^npm /);
    }
  });
});
