/** The frame of a chart with axes: the margins around it and the plot rectangle they leave. */

export interface Margin {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

/** The plot rectangle in SVG coordinates: x from `left` to `right`, y from `top` down to `bottom`. */
export interface PlotArea {
	left: number;
	right: number;
	top: number;
	bottom: number;
}

/** What a `width` × `height` frame leaves for the plot inside `margin`. */
export function plotArea(width: number, height: number, margin: Margin): PlotArea {
	return {
		left: margin.left,
		right: width - margin.right,
		top: margin.top,
		bottom: height - margin.bottom
	};
}
