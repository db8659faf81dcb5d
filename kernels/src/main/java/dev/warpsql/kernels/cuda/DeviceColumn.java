package dev.warpsql.kernels.cuda;

/**
 * Device addresses of one column in the layout of {@code ArrowColumns}, as a kernel's {@code _data}
 * and {@code _validity} parameters take them.
 *
 * @param validity the validity bitmap, or 0 when the column has no NULLs
 */
public record DeviceColumn(long data, long validity) {}
