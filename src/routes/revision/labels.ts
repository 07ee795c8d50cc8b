/** Message keys of a round's state (src/lib/i18n/areas/review.ts): Enviada, Devuelta, Validada, Publicada. */
export const stateKey = (state: string) => `review.state.${state}`;

/** An answer code's label key (profile area): cumple → «Cumple». */
export const answerKey = (answer: string) => `answer.${answer}`;
