/**
 * CUDA backend, first part: PTX generation ({@link dev.warpsql.kernels.ptx.PtxEmitter}) and
 * validation with JCuda's bundled nvPTXCompiler ({@link dev.warpsql.kernels.ptx.PtxValidator}). The
 * modules use PTX ISA 8.0, {@code .target sm_80} and 64-bit addresses.
 *
 * <h2>Launch</h2>
 *
 * <p>One {@code .entry} per kernel, named {@code warp_} plus the pipeline name with every character
 * other than ASCII letters and digits replaced by {@code _}. Launch it with a 1-D grid and a block
 * size that is a multiple of 32. The grid-stride loop steps a warp-aligned row base, so every lane
 * of a warp runs the same iterations, and the warp-wide ballot and shuffles can use the full lane
 * mask. Any grid size is correct; the row index of a thread is {@code base + lane}.
 *
 * <h2>Parameters, in order</h2>
 *
 * <ol>
 *   <li>{@code chunk_count} ({@code .u32}) and {@code chunk_table} ({@code .u64}): the chunks that
 *       one launch reads. The table has one record per chunk of {@code 8 + 16 * inputCount} bytes:
 *       the chunk's row count, then per input column of the program, whether or not the kernel
 *       reads it, the data and validity pointers of the chunk's column, all 64-bit. Columns are in
 *       the layout of {@code ArrowColumns}. BOOLEAN data is bit-packed. A validity bitmap is read
 *       only for nullable columns, and a null pointer means the chunk has no NULLs. The kernel runs
 *       its row loop over each chunk in turn, and a row index in the error record counts from the
 *       start of its chunk.
 *   <li>Per program parameter {@code i}: {@code param<i>_value} in its register type ({@code .s32}
 *       for TINYINT, SMALLINT, INTEGER, DATE and VARCHAR; {@code .s64} for BIGINT, DECIMAL
 *       unscaled, TIME and TIMESTAMP; {@code .f32}; {@code .f64}; {@code .u32} 0 or 1 for BOOLEAN),
 *       then {@code param<i>_null} ({@code .u32}, non-zero for SQL NULL).
 *   <li>Per lookup table {@code i}: {@code lookup<i>_values} (pointer to the entries, one per
 *       dictionary code, laid out as "Lookup tables" below describes), {@code lookup<i>_nulls}
 *       (pointer to one byte per code, non-zero for NULL, or a null pointer when no entry is NULL;
 *       2 marks an entry whose evaluation failed, which raises {@link
 *       dev.warpsql.kernels.ptx.PtxErrors#LOOKUP_ENTRY_FAILED} when a row reads it) and {@code
 *       lookup<i>_size} ({@code .u32}, the code count).
 *   <li>Per probe stage {@code p}, in stage order: the hash table parameters described under
 *       "Hash-join probes".
 *   <li>{@code error} ({@code .u64}): pointer to the 16-byte error record described below.
 *   <li>The sink's parameters, below.
 * </ol>
 *
 * <p>{@link dev.warpsql.kernels.ptx.PtxKernel#parameters()} lists the same names and types.
 *
 * <h2>Lookup tables</h2>
 *
 * <p>{@code CodeLookup} and {@code CodeMap} share one index space, and the expressions that read a
 * table decide the layout of its entries. A table read by {@code CodeLookup} has one byte per code,
 * 0 or 1. A table read by {@code CodeMap} has 8-byte entries, 8-byte aligned: {@code int64} for the
 * types held in integer registers (TINYINT to BIGINT, DECIMAL unscaled, DATE days, TIME and
 * TIMESTAMP microseconds, VARCHAR codes of the result dictionary), {@code f64} for REAL and DOUBLE.
 * A REAL entry is rounded to {@code f32} on read. Entries of a 32-bit type must fit it, because the
 * kernel keeps the low word. The CPU backend checks this in its argument checks, and a GPU host
 * must check it too. A program that reads one table with two layouts is rejected when emitted. A
 * code outside {@code [0, lookup<i>_size)} raises {@link
 * dev.warpsql.kernels.ptx.PtxErrors#LOOKUP_CODE_OUT_OF_RANGE}.
 *
 * <h2>Error record</h2>
 *
 * <p>Bytes 0-3 hold an {@code int32} code word, bytes 8-15 an {@code int64} row index. The host
 * zeroes the record before a launch. A thread that hits an error compare-and-swaps the code word
 * from 0 to the error's code (see {@link dev.warpsql.kernels.ptx.PtxErrors}: a {@code
 * KernelErrorCode}'s ordinal plus one, or a negative code for a set-up failure), and only the
 * winner stores its row, so the first error of the launch is kept. Errors found while merging the
 * partials of a global aggregate store row -1. After an error the kernel runs on with unspecified
 * values, so the host must discard every output of a launch whose code word is not 0.
 *
 * <h2>Materialize sink</h2>
 *
 * <p>Parameters: {@code out_count} (pointer to a {@code uint32} counter of written rows, zeroed by
 * the host); {@code out_capacity} ({@code .u32}, rows the output buffers hold), only when the
 * program has an INNER or LEFT probe stage; then per output {@code i} {@code out<i>_data} and
 * {@code out<i>_validity}. Each warp counts its passing rows with a ballot, lane 0 reserves that
 * many rows with one {@code atom.add} on the counter, and each passing lane writes at the reserved
 * base plus the number of passing lanes below it. Row order across warps is therefore not the input
 * order. Data buffers must hold as many values as the chunks have rows, or {@code out_capacity}
 * values where that parameter exists. A row past {@code out_capacity} is not written and raises
 * {@link dev.warpsql.kernels.ptx.PtxErrors#OUTPUT_FULL}; the counter still counts it, so after the
 * launch it contains the row count that the host must allocate for a retry. Validity bitmaps and
 * BOOLEAN data bitmaps are written with atomic OR on 32-bit words, so the host must zero them and
 * pad them to a multiple of 4 bytes; they are then final Arrow bitmaps. Every output has a validity
 * bitmap, even one that cannot be NULL.
 *
 * <h2>Aggregate sink</h2>
 *
 * <p>Parameters: {@code accumulators} (pointer), and for group keys also {@code group_capacity}
 * ({@code .u32}, the slot count, a power of two), {@code group_limit} ({@code .u32}, the groups
 * that the group arrays hold), {@code group_slots}, {@code group_keys}, {@code group_nulls} and
 * {@code group_count} (pointers).
 *
 * <p>An accumulator is 16 bytes: a 64-bit value at offset 0 and a {@code uint32} "seen" flag at
 * offset 8, set when the group received a non-NULL argument (unused by the counts). Accumulator
 * {@code c} of group {@code g} starts at byte {@code (g * callCount + c) * 16}; a global aggregate
 * has the single group 0. Every accumulator starts as zero bytes, which the host writes. The values
 * are:
 *
 * <ul>
 *   <li>COUNT and COUNT(*): the count.
 *   <li>SUM of exact types: the total as an unscaled value at the argument's scale, checked against
 *       the result type's range (the 64-bit range when either side is DECIMAL). The host converts
 *       it to the result type and checks the precision, as the CPU backend does.
 *   <li>SUM of REAL or DOUBLE: the double total. Atomic addition makes the rounding order vary
 *       between runs.
 *   <li>MIN and MAX: an order key in a stored form. The order key of integer-register values is the
 *       value sign-extended (BOOLEAN as 0 or 1); of REAL and DOUBLE it is {@code bits ^ ((bits >>
 *       63) & 0x7FFFFFFFFFFFFFFF)} of the double's bits with NaN canonical, whose signed order is
 *       {@code Double.compare}'s, and the same transform decodes it. The stored form is the key XOR
 *       {@code 0x7FFFFFFFFFFFFFFF} for MIN and XOR {@code 0x8000000000000000} for MAX, so that the
 *       unsigned maximum of stored forms is the stored form of the result, and a zeroed accumulator
 *       means that no value has arrived.
 * </ul>
 *
 * <p>A global aggregate keeps partials in registers for the whole row loop, reduces them across the
 * warp with shuffles, and lane 0 applies one atomic per call: {@code red.add.u64}, {@code
 * red.add.f64}, {@code red.max.u64} of the stored form for MIN and MAX, and for exact SUM a
 * compare-and-swap loop that raises NUMERIC_OVERFLOW instead of wrapping around.
 *
 * <p>Keyed aggregates map keys to dense group numbers through an open-addressing table with linear
 * probing. {@code group_slots} has one {@code uint32} per slot: 0 empty, {@code 0xFFFFFFFF}
 * claimed, {@code 0xFFFFFFFE} failed, otherwise the group number plus one. A thread claims an empty
 * slot with a compare-and-swap from 0 to {@code 0xFFFFFFFF}, takes the next group number with an
 * atomic add on the {@code uint32} at {@code group_count}, writes the group's keys and NULL mask,
 * then stores the number plus one with release semantics. Other threads wait with acquire loads
 * until the slot is no longer claimed before they compare keys. {@code group_keys} has {@code
 * keyCount} 64-bit keys per group ({@code g * keyCount + k}), encoded as integer-register values
 * sign-extended, BOOLEAN as 0 or 1, REAL and DOUBLE as the bits of the double with -0.0 as 0.0 and
 * NaN canonical, and 0 for NULL. {@code group_nulls} has a {@code uint32} NULL mask per group, bit
 * {@code k} set when key {@code k} is NULL, which limits a sink to 32 keys.
 *
 * <p>The host zeroes the slots, the counter and the accumulators of the groups to come; the keys
 * and masks need no initial value. After a launch the counter contains the group count, and groups
 * {@code 0} to {@code count - 1} are the result, so the host copies back only those. The table may
 * stay on the device for further launches, which add to the same groups. A claim that finds the
 * counter at {@code group_limit}, or a search that finds no free slot in {@code group_capacity}
 * probes, raises {@link dev.warpsql.kernels.ptx.PtxErrors#GROUP_TABLE_FULL} and marks a claimed
 * slot failed. Such a launch has already added some rows to their groups, so it cannot be repeated
 * over the same table. The host keeps the counter plus the launch's row count, or a bound on the
 * groups that the keys can form, within {@code group_limit}, and when the error still happens it
 * runs the whole aggregate again elsewhere. A claim reads the slot with acquire semantics, both
 * with the load and with the compare-and-swap, because a thread whose claim fails goes on to read
 * the keys that the slot's owner published.
 *
 * <p>Most keyed kernels first add rows into a table of up to 128 groups in each block's shared
 * memory, the module-level {@code .shared} variable {@code block_groups} of at most 12 KiB, and
 * merge it into the table above after the row loop, with a barrier. The host sets nothing up for
 * it, but every thread of a block must reach the end of the kernel.
 *
 * <h2>Hash-join probes</h2>
 *
 * <p>A build kernel ({@link dev.warpsql.kernels.ptx.PtxHashBuild}) builds one table per probe stage
 * from the build side's key columns, before the probe kernel runs, and the probe kernel only reads
 * it. Keys are normalized to 64 bits as the group keys above and as the CPU backend's join table:
 * integer-register values sign-extended, BOOLEAN as 0 or 1, REAL and DOUBLE as the bits of the
 * double with -0.0 as 0.0 and NaN canonical ({@code 0x7FF8000000000000}), so -0.0 matches 0.0 and
 * NaN matches NaN. Build rows with a NULL key are not inserted, and a probe row with a NULL key
 * skips the lookup, so NULL never matches.
 *
 * <p>Build rows are numbered 0.. by their position in the payload columns. The hash of a row's
 * normalized keys {@code k0..kn} is {@code h = 0}; per key {@code h = (h ^ k) *
 * 0x9E3779B97F4A7C15}, then {@code h ^= h >>> 29}; then MurmurHash3's 64-bit finalizer; the low 32
 * bits are the hash. This is the CPU backend's join hash, so a host could build the same table.
 * Parameters of stage {@code p}:
 *
 * <ul>
 *   <li>{@code probe<p>_slot_mask} ({@code .u32}): slot count minus one; the slot count is a power
 *       of two larger than the number of distinct keys, so that an empty slot ends every search.
 *   <li>{@code probe<p>_partition_shift} and {@code probe<p>_partition} ({@code .u32}): when the
 *       table contains one partition of a build side that did not fit, the stage passes on only the
 *       rows whose hash shifted right by the shift equals the partition, and rows with a NULL key
 *       only in partition 0. The host runs the pipeline once per partition. A shift of 32 with
 *       partition 0 passes on every row.
 *   <li>{@code probe<p>_slot_rows}: one {@code int32} per slot, the first build row of the slot's
 *       keys, or -1 for an empty slot.
 *   <li>{@code probe<p>_slot_keys}: {@code keyCount} normalized {@code int64} keys per slot, at
 *       {@code slot * keyCount + k}.
 *   <li>{@code probe<p>_slot_hashes}, only with two or more keys: the {@code uint32} hash per slot,
 *       compared before the keys.
 *   <li>{@code probe<p>_next}: one {@code int32} per build row, the next build row with the same
 *       keys, or -1 after the last. Chains are in no particular order, because build threads
 *       prepend their rows as they arrive; rows of a NULL key have undefined entries.
 *   <li>Per payload column {@code c} of the stage's {@code buildColumns}, whether or not the kernel
 *       reads it: {@code probe<p>_col<c>_data} and {@code probe<p>_col<c>_validity}, in the layout
 *       of the input columns (a null validity pointer means no NULLs).
 * </ul>
 *
 * <p>A key lands in slot {@code hash & slot_mask}, and a search steps linearly to the next slot
 * until it finds equal keys or an empty slot. The host binds the table that {@code
 * ProbeStage.table()} names to the parameters of stage {@code p}.
 *
 * <p>The build kernel takes {@code row_count}, the data and validity of each key column, the
 * table's arrays with the names above less the {@code probe<p>_} prefix, and the error record. The
 * host fills {@code slot_rows} with -1 and sizes the table with 2 to 4 slots per build row, as the
 * CPU backend does. A thread claims an empty slot by a compare-and-swap from -1 to -2 (acquire),
 * writes the keys and hash, and stores its row with release semantics. A thread that reads -2 waits
 * for the row, then compares keys. On equal keys it exchanges its row into the slot (acquire and
 * release) and links the previous first row behind it. A build that finds no free slot, which the
 * sizing rules out, raises {@link dev.warpsql.kernels.ptx.PtxErrors#JOIN_TABLE_FULL}.
 *
 * <p>Semantics are the CPU backend's: an INNER stage continues the row once per candidate that
 * passes the residual; LEFT does the same and, when none passed, once with NULL build columns; SEMI
 * and ANTI stop at the first passing candidate and continue the row without build columns when one
 * was (SEMI) or was not (ANTI) found; the {@code after} condition then filters the rows that the
 * stage emits. INNER and LEFT candidate loops run while any lane of the warp has work left, so the
 * sink's warp-wide ballot sees the whole warp in every iteration.
 */
package dev.warpsql.kernels.ptx;
