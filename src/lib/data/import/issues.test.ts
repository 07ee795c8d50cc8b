import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../i18n';
import { issuesToCsvRows, issueText, makeIssue } from './issues';
import { readSource } from './source';

describe('issues are keys, translated where shown', () => {
	it('renders one stored issue in Spanish and in English, labels and numbers included', () => {
		const issue = makeIssue(
			'es',
			'big.csv',
			'error',
			'file_too_many_columns',
			'import.file.too_many_columns',
			{ count: { number: 51200 }, limit: { number: 300 } }
		);
		expect(issue.key).toBe('import.file.too_many_columns');
		expect(issue.params).toEqual({ count: { number: 51200 }, limit: { number: 300 } });
		expect(issueText(issue, 'es')).toContain(
			`«big.csv» tiene ${formatNumber(51200, 'es')} columnas`
		);
		expect(issueText(issue, 'en')).toContain(`“big.csv” has ${formatNumber(51200, 'en')} columns`);
		// `message` is the text in the locale the import was asked in.
		expect(issue.message).toBe(issueText(issue, 'es'));

		const row = makeIssue('en', 'a.csv', 'error', 'reference', 'import.issue.reference.districts', {
			column: 'ubigeo',
			value: '999999',
			dataset: { key: 'import.dataset.activities' }
		});
		expect(issueText(row, 'es')).not.toBe(issueText(row, 'en'));
		expect(issueText(row, 'es')).not.toMatch(/import\./);
		expect(issueText(row, 'en')).not.toMatch(/import\./);
	});

	it('a report read once gives the text of either language (no second analysis)', async () => {
		const bytes = new TextEncoder().encode('a,b\n1,\0x\n');
		const read = (locale: 'es' | 'en') =>
			readSource({ fileName: 'bin.csv', bytes, locale, pause: async () => {} });
		const es = await read('es');
		const en = await read('en');
		expect(es.issues.map((i) => i.code)).toEqual(['file_binary']);
		// The Spanish analysis, shown in English, says what an English analysis says.
		expect(issueText(es.issues[0], 'en')).toBe(en.issues[0].message);
		expect(issueText(en.issues[0], 'es')).toBe(es.issues[0].message);
		expect(issuesToCsvRows([es], 'en')[0].message).toBe(en.issues[0].message);
		expect(issuesToCsvRows([es])[0].message).toBe(es.issues[0].message);
	});
});
