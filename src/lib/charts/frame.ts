/**
 * The ids a chart gets from `ChartFrame`'s `chart` snippet: its `<svg>` is
 * labelled by the frame's heading and described by the frame's sentence.
 */
export interface FrameIds {
	/** Id of the title, from ChartFrame (required). */
	titleId: string;
	/** Id of the description, from ChartFrame (required). */
	descriptionId: string;
}
