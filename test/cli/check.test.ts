import { describe, expect, it } from 'vitest';
import { run, TSX } from '../helpers/process.ts';

describe('check CLI', () => {
  it('--json prints the verdict object plus the card as plain text', async () => {
    const { code, stdout } = await run(TSX, ['src/cli/check.ts', '--json', '--document', '原产地证书', '--country', '德国', '--date', '2026-11-29']);
    expect(code).toBe(0);
    const verdict = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(verdict)).toEqual(['outcome', 'document', 'country', 'place', 'direction', 'date', 'reasons', 'steps', 'authority', 'inForceSince', 'sources', 'caveats', 'suggestions', 'text']);
    expect(verdict).toMatchObject({ outcome: 'apostille', direction: 'from_china', date: '2026-11-29', authority: 'mfa_fao', inForceSince: '2023-11-07' });
    expect(verdict.document).toMatchObject({ id: 'certificate-of-origin' });
    expect(verdict.country).toMatchObject({ code: 'DE' });
    expect(String(verdict.text)).toContain('办理附加证明书即可');
    expect(String(verdict.text)).not.toMatch(/<b>|&amp;/);
  });

  it('honours --direction, --date and --lang', async () => {
    const { stdout } = await run(TSX, ['src/cli/check.ts', '--json', '--document', 'invoice', '--country', 'Viet Nam', '--direction', 'to_china', '--date', '2026-09-10', '--lang', 'zh']);
    const verdict = JSON.parse(stdout) as { outcome: string; direction: string; text: string };
    expect(verdict.outcome).toBe('legalization');
    expect(verdict.direction).toBe('to_china');
    expect(verdict.text).toContain('中国驻越南使领馆');
  });

  it('without --json prints the card; bad arguments exit 2 with the usage', async () => {
    const card = await run(TSX, ['src/cli/check.ts', '--document', 'power of attorney', '--country', 'India']);
    expect(card.stdout).toContain('Consular legalisation still needed');
    const bad = await run(TSX, ['src/cli/check.ts', '--document', 'x', '--direction', 'sideways']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--country is required');
    expect(bad.stderr).toContain('--direction must be');
  });
});
