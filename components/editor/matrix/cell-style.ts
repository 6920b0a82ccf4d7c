/** The look of a cell of the editable matrix (the rows and the editing cells share it). */
export const cell = "border-b border-slate-100 px-3 py-3 align-top";
