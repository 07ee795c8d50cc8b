import { wrapWords } from './text';

/**
 * Chart downloads: the chart's `<svg>` as a standalone SVG file (every style
 * the page's CSS gave it written inline, with the title and description on
 * top) and as a PNG drawn from that SVG. Nothing leaves the browser: the PNG
 * goes through a `blob:` image and a canvas (the CSP allows `img-src blob:`),
 * and the file is handed over with a temporary `blob:` link.
 */

/** The presentation properties a chart's CSS may set, copied inline on export. */
export const STYLE_PROPERTIES = [
	'fill',
	'fill-opacity',
	'fill-rule',
	'stroke',
	'stroke-width',
	'stroke-opacity',
	'stroke-dasharray',
	'stroke-linejoin',
	'stroke-linecap',
	'opacity',
	'font-family',
	'font-size',
	'font-weight',
	'font-style',
	'font-variant-numeric',
	'text-anchor',
	'dominant-baseline',
	'paint-order',
	'visibility',
	'display'
] as const;

const HEADER_LINE = 18;
/** White margin around the exported picture. */
const MARGIN = 16;

/** A safe file name stem: no accents, no path or shell characters. */
export function fileStem(name: string): string {
	const stem = name
		.replace(/\.(csv|svg|png)$/i, '')
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^\w.-]+/g, '-')
		.replace(/-+/g, '-')
		.replace(/^[-.]+|[-.]+$/g, '');
	return stem || 'grafico';
}

export function escapeXml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

/** Width and height from a `viewBox` attribute ("minX minY width height"). */
export function viewBoxSize(viewBox: string | null): { width: number; height: number } | null {
	const parts = (viewBox ?? '')
		.trim()
		.split(/[\s,]+/)
		.map(Number);
	if (
		parts.length !== 4 ||
		parts.some((n) => !Number.isFinite(n)) ||
		parts[2] <= 0 ||
		parts[3] <= 0
	)
		return null;
	return { width: parts[2], height: parts[3] };
}

/**
 * Wrap a serialised chart in a page-like SVG: white background and a 16-unit
 * margin, the title in bold and the description below it, then the chart.
 * Pure string building.
 */
export function composeSvg(o: {
	chart: string;
	width: number;
	height: number;
	title: string;
	description: string;
}): { svg: string; width: number; height: number } {
	const maxChars = Math.max(30, Math.floor(o.width / 7));
	const titleLines = wrapWords(o.title, Math.floor(maxChars * 0.8));
	const descLines = wrapWords(o.description, maxChars);
	const header = (titleLines.length + descLines.length) * HEADER_LINE + 12;
	const width = Math.ceil(o.width + 2 * MARGIN);
	const height = Math.ceil(o.height + header + 2 * MARGIN);
	const text = (lines: string[], y0: number, style: string) =>
		lines
			.map(
				(l, i) => `<text x="0" y="${y0 + i * HEADER_LINE}" style="${style}">${escapeXml(l)}</text>`
			)
			.join('');
	const font = 'font-family:system-ui,-apple-system,Segoe UI,Roboto,Noto Sans,sans-serif';
	const svg =
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
		`<rect width="100%" height="100%" fill="#ffffff"/>` +
		`<g transform="translate(${MARGIN} ${MARGIN})">` +
		text(titleLines, 16, `${font};font-size:16px;font-weight:700;fill:#1a1a1a`) +
		text(descLines, 16 + titleLines.length * HEADER_LINE, `${font};font-size:13px;fill:#4d4d4d`) +
		`<g transform="translate(0 ${header})">${o.chart}</g>` +
		`</g></svg>`;
	return { svg, width, height };
}

/** Copy computed presentation styles from each source element to its clone. */
function inlineStyles(source: Element, clone: Element): void {
	const computed = getComputedStyle(source);
	const style = STYLE_PROPERTIES.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(';');
	clone.setAttribute('style', style);
	const from = source.children;
	const to = clone.children;
	for (let i = 0; i < from.length && i < to.length; i++) inlineStyles(from[i], to[i]);
}

/** Serialise a chart's `<svg>` into a standalone SVG document. */
export function serializeChart(
	svg: SVGSVGElement,
	title: string,
	description: string
): { svg: string; width: number; height: number } {
	const box = viewBoxSize(svg.getAttribute('viewBox')) ?? {
		width: svg.clientWidth || 600,
		height: svg.clientHeight || 400
	};
	const clone = svg.cloneNode(true) as SVGSVGElement;
	inlineStyles(svg, clone);
	// Focus rings and the like are for the screen only.
	clone.querySelectorAll('[data-export="skip"]').forEach((el) => el.remove());
	clone.querySelectorAll('[tabindex]').forEach((el) => el.removeAttribute('tabindex'));
	clone.setAttribute('width', String(box.width));
	clone.setAttribute('height', String(box.height));
	clone.removeAttribute('class');
	clone.setAttribute('style', `${clone.getAttribute('style') ?? ''};overflow:visible`);
	const chart = new XMLSerializer().serializeToString(clone);
	return composeSvg({ chart, ...box, title, description });
}

/** Draw an SVG document on a canvas, `scale` times its size, and return a PNG. */
export async function svgToPng(
	svg: string,
	width: number,
	height: number,
	scale = 2
): Promise<Blob> {
	const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
	try {
		const image = new Image(width, height);
		image.src = url;
		await image.decode();
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(width * scale);
		canvas.height = Math.round(height * scale);
		const context = canvas.getContext('2d');
		if (!context) throw new Error('canvas 2d');
		context.fillStyle = '#ffffff';
		context.fillRect(0, 0, canvas.width, canvas.height);
		context.drawImage(image, 0, 0, canvas.width, canvas.height);
		return await new Promise<Blob>((resolve, reject) =>
			canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob'))), 'image/png')
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}
