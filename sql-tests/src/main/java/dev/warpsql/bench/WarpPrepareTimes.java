package dev.warpsql.bench;

/**
 * WarpSQL's planning and re-execution costs for one query, in milliseconds.
 *
 * @param coldPrepare the query's first {@code prepareStatement}: parsing, validation, optimization,
 *     lowering to pipelines and compiling the kernels that the process-wide kernel cache lacks
 * @param coldExecute the first execution of that prepared statement, reading all rows
 * @param warmPrepare median {@code prepareStatement} of the same query later, when every kernel is
 *     in the cache
 * @param cachedExecute median re-execution of the first prepared statement, reading all rows
 */
record WarpPrepareTimes(
    double coldPrepare, double coldExecute, double warmPrepare, double cachedExecute) {}
