import { describe, expect, it } from 'vitest';
import { composeSvg, escapeXml, fileStem, viewBoxSize } from './export';

describe('fileStem', () => {
	it.each([
		['mapa-distritos.csv', 'mapa-distritos'],
		['Puntajes: 2024/Lima', 'Puntajes-2024-Lima'],
		['Ancón y Rímac', 'Ancon-y-Rimac'],
		['../../etc', 'etc'],
		['', 'grafico']
	])('%j → %j', (name, expected) => {
		expect(fileStem(name)).toBe(expected);
	});
});

describe('viewBoxSize', () => {
	it.each([
		['0 0 640 480', { width: 640, height: 480 }],
		['0,0,10.5,20', { width: 10.5, height: 20 }],
		['0 0 0 480', null],
		[null, null],
		['0 0 640', null]
	] as const)('%j', (viewBox, expected) => {
		expect(viewBoxSize(viewBox)).toEqual(expected);
	});
});

describe('composeSvg', () => {
	const out = composeSvg({
		chart: '<svg viewBox="0 0 200 100"></svg>',
		width: 200,
		height: 100,
		title: 'Puntaje <D1> & más',
		description: 'Una frase.'
	});

	it('escapes text and puts the chart under a header of two lines', () => {
		expect(escapeXml('a<b>&"c"')).toBe('a&lt;b&gt;&amp;&quot;c&quot;');
		expect(out.svg).toContain('Puntaje &lt;D1&gt; &amp; más');
		// header: 2 lines × 18 + 12 = 48, inside a 16 margin
		expect(out.svg).toContain('<g transform="translate(16 16)">');
		expect(out.svg).toContain(
			'<g transform="translate(0 48)"><svg viewBox="0 0 200 100"></svg></g>'
		);
		// 200 + 2 × 16 wide; 100 + 48 + 2 × 16 high
		expect([out.width, out.height]).toEqual([232, 180]);
	});

	it('is a standalone SVG document with a white background', () => {
		expect(out.svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
		expect(out.svg).toContain('<rect width="100%" height="100%" fill="#ffffff"/>');
		expect(out.svg).not.toMatch(/@import|url\(http|<link/);
	});
});
