/** Importing suites and responses files: the functions the UI calls. */
export { detectFormat, FORMAT_LABELS } from "./detect-format";
export type { ImportFormat, SuiteFormat } from "./detect-format";
export { decompressGzip, isGzip, notGzipNote, readImportText, withReadNote } from "./gzip";
export { importSuite, importSuiteBytes, withNote } from "./import-suite";
export { parsePolymathSuite, serializePolymathSuite, SUITE_FORMAT_VERSION } from "./polymath-suite";
export { matchResponses, parseResponses, UNNAMED_MODEL } from "./responses";
export type { ResponseLine, ResponseMatch, UnmatchedResponse } from "./responses";
export { scoreResponses } from "./score-responses";
export type { ModelScore, ResponsesReport } from "./score-responses";
