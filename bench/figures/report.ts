/** The report: the Markdown table printed at the end of a run. */
import { results } from './results';

function fmt(v: number | null | undefined, unit: string): string {
	if (v === null || v === undefined || Number.isNaN(v)) return '–';
	if (unit === 'B') {
		if (v >= 1e6) return `${(v / 1e6).toFixed(2)} MB`;
		return `${(v / 1024).toFixed(1)} KB`;
	}
	if (unit === 'ms') return v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`;
	return String(v);
}

export function table(machine: string): string {
	const lines = [
		`Integra bench — ${machine}`,
		'',
		'| Figure | Integra | Baseline | Ratio | Target | Met |',
		'|---|---|---|---|---|---|'
	];
	for (const f of results) {
		const ratio =
			f.ratio === undefined || f.ratio === null
				? ''
				: f.ratioKind === 'faster'
					? `${f.ratio}× faster`
					: `${f.ratio}×`;
		const base = f.baseline ? `${fmt(f.baseline.value, f.unit)} (${f.baseline.label})` : '';
		const met = f.met === undefined ? '' : f.met === null ? 'n/a' : f.met ? 'yes' : '**no**';
		const value = f.unit === 'CLS' ? String(f.value) : fmt(f.value, f.unit);
		lines.push(`| ${f.label} | ${value} | ${base} | ${ratio} | ${f.target ?? ''} | ${met} |`);
	}
	lines.push('', 'Notes:');
	for (const f of results) if (f.note) lines.push(`- ${f.label}: ${f.note}`);
	return lines.join('\n');
}
