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
 *   <li>{@code row_count} ({@code .u64}): rows in the input columns.
 *   <li>Per input column {@code i}, for every column of the program whether or not the kernel reads
 *       it: {@code in<i>_data} and {@code in<i>_validity} ({@code .u64} device pointers) in the
 *       layout of {@code ArrowColumns}. BOOLEAN data is bit-packed. A validity bitmap is read only
 *       for nullable columns, and a null pointer means the chunk has no NULLs.
 *   <li>Per program parameter {@code i}: {@code param<i>_value} in its register type ({@code .s32}
 *       for TINYINT, SMALLINT, INTEGER, DATE and VARCHAR; {@code .s64} for BIGINT, DECIMAL
 *       unscaled, TIME and TIMESTAMP; {@code .f32}; {@code .f64}; {@code .u32} 0 or 1 for BOOLEAN),
 *       then {@code param<i>_null} ({@code .u32}, non-zero for SQL NULL).
 *   <li>Per lookup table {@code i}: {@code lookup<i>_values} (pointer to one byte per dictionary
 *       code, 0 or 1), {@code lookup<i>_nulls} (pointer to one byte per code, non-zero for NULL, or
 *       a null pointer when no entry is NULL) and {@code lookup<i>_size} ({@code .u32}, the code
 *       count).
 *   <li>{@code error} ({@code .u64}): pointer to the 16-byte error record described below.
 *   <li>The sink's parameters, below.
 * </ol>
 *
 * <p>{@link dev.warpsql.kernels.ptx.PtxKernel#parameters()} lists the same names and types.
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
 * the host), then per output {@code i} {@code out<i>_data} and {@code out<i>_validity}. Each warp
 * counts its passing rows with a ballot, lane 0 reserves that many rows with one {@code atom.add}
 * on the counter, and each passing lane writes at the reserved base plus the number of passing
 * lanes below it. Row order across warps is therefore not the input order. Data buffers must hold
 * {@code row_count} values. Validity bitmaps and BOOLEAN data bitmaps are written with atomic OR on
 * 32-bit words, so the host must zero them and pad them to a multiple of 4 bytes; they are then
 * final Arrow bitmaps. Every output has a validity bitmap, even one that cannot be NULL.
 *
 * <h2>Aggregate sink</h2>
 *
 * <p>Parameters: {@code accumulators} (pointer), and for group keys also {@code group_capacity}
 * ({@code .u32}, a power of two), {@code group_states}, {@code group_keys} and {@code group_nulls}
 * (pointers).
 *
 * <p>An accumulator is 16 bytes: a 64-bit value at offset 0 and a {@code uint32} "seen" flag at
 * offset 8, set when the group received a non-NULL argument (unused by the counts). Accumulator
 * {@code c} of group slot {@code s} starts at byte {@code (s * callCount + c) * 16}; a global
 * aggregate has the single slot 0. The host initializes the values: {@code Long.MAX_VALUE} for MIN,
 * {@code Long.MIN_VALUE} for MAX, 0 otherwise, and every seen flag to 0. The values are:
 *
 * <ul>
 *   <li>COUNT and COUNT(*): the count.
 *   <li>SUM of exact types: the total as an unscaled value at the argument's scale, checked against
 *       the result type's range (the 64-bit range when either side is DECIMAL). The host converts
 *       it to the result type and checks the precision, as the CPU backend does.
 *   <li>SUM of REAL or DOUBLE: the double total. Atomic addition makes the rounding order vary
 *       between runs.
 *   <li>MIN and MAX: integer-register values sign-extended (BOOLEAN as 0 or 1). REAL and DOUBLE are
 *       stored as the order key {@code bits ^ ((bits >> 63) & 0x7FFFFFFFFFFFFFFF)} of the double's
 *       bits with NaN canonical, whose signed order is {@code Double.compare}'s; the same transform
 *       decodes it.
 * </ul>
 *
 * <p>A global aggregate keeps partials in registers for the whole row loop, reduces them across the
 * warp with shuffles, and lane 0 applies one atomic per call: {@code red.add.u64}, {@code
 * red.add.f64}, {@code red.min/max.s64}, and for exact SUM a compare-and-swap loop that raises
 * NUMERIC_OVERFLOW instead of wrapping around.
 *
 * <p>Keyed aggregates use an open-addressing table with linear probing. {@code group_states} holds
 * one {@code uint32} per slot: 0 empty, 1 claimed, 2 ready. A thread claims an empty slot with a
 * compare-and-swap from 0 to 1, writes the keys and the NULL mask, then stores 2 with release
 * semantics; other threads wait for 2 with acquire loads before they compare keys. {@code
 * group_keys} holds {@code keyCount} 64-bit keys per slot ({@code slot * keyCount + k}), encoded as
 * integer-register values sign-extended, BOOLEAN as 0 or 1, REAL and DOUBLE as the bits of the
 * double with -0.0 as 0.0 and NaN canonical, and 0 for NULL. {@code group_nulls} holds a {@code
 * uint32} NULL mask per slot, bit {@code k} set when key {@code k} is NULL, which limits a sink to
 * 32 keys. The host zeroes all three arrays. When no slot is free after {@code group_capacity}
 * probes, the kernel raises {@link dev.warpsql.kernels.ptx.PtxErrors#GROUP_TABLE_FULL} and the host
 * must retry with a larger table. The host reads the groups from the slots in state 2.
 *
 * <h2>Not supported yet</h2>
 *
 * <p>Hash-join probe stages and build-side column references raise {@link
 * java.lang.UnsupportedOperationException} naming the construct.
 */
package dev.warpsql.kernels.ptx;
