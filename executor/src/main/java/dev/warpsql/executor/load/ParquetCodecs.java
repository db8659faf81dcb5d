package dev.warpsql.executor.load;

import io.airlift.compress.Decompressor;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Decompressors for Parquet pages in pure Java: SNAPPY, ZSTD and LZ4_RAW through aircompressor,
 * GZIP through {@code java.util.zip}. parquet-hadoop's own factory goes through Hadoop's codec
 * classes and a Hadoop {@code Configuration}, which would pull most of Hadoop onto the class path.
 * LZO, BROTLI and the Hadoop-framed LZ4 are rejected with an {@link IOException} that names the
 * codec. Reading only: {@link #getCompressor} raises. Thread-safe, since every decompressor it
 * returns is new.
 */
final class ParquetCodecs implements CompressionCodecFactory {
  static final ParquetCodecs INSTANCE = new ParquetCodecs();

  private ParquetCodecs() {}

  @Override
  public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
    return switch (codec) {
      case UNCOMPRESSED -> new PageDecompressor(codec, null);
      case SNAPPY -> new PageDecompressor(codec, new SnappyDecompressor());
      case ZSTD -> new PageDecompressor(codec, new ZstdDecompressor());
      case LZ4_RAW -> new PageDecompressor(codec, new Lz4Decompressor());
      case GZIP -> new GzipDecompressor();
      default -> new UnsupportedCodec(codec);
    };
  }

  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codec) {
    throw new UnsupportedOperationException("WarpSQL reads Parquet files but does not write them");
  }

  @Override
  public void release() {}

  /** A block codec whose output size the page header gives; null decompresses nothing. */
  private record PageDecompressor(CompressionCodecName codec, Decompressor decompressor)
      implements HeapDecompressor {
    @Override
    public BytesInput decompress(BytesInput input, int uncompressedSize) throws IOException {
      if (decompressor == null) {
        return input;
      }
      byte[] compressed = input.toByteArray();
      byte[] output = new byte[uncompressedSize];
      int written;
      try {
        written =
            decompressor.decompress(compressed, 0, compressed.length, output, 0, uncompressedSize);
      } catch (RuntimeException e) {
        // aircompressor reports damaged input with MalformedInputException and, on some inputs,
        // with index errors; both mean that the page is corrupt.
        throw new IOException("invalid " + codec + " page: " + e.getMessage(), e);
      }
      if (written != uncompressedSize) {
        throw new IOException(
            codec + " page decompressed to " + written + " bytes, expected " + uncompressedSize);
      }
      return BytesInput.from(output);
    }
  }

  private record GzipDecompressor() implements HeapDecompressor {
    @Override
    public BytesInput decompress(BytesInput input, int uncompressedSize) throws IOException {
      try (InputStream stream = new GZIPInputStream(input.toInputStream())) {
        byte[] output = stream.readNBytes(uncompressedSize);
        if (output.length != uncompressedSize) {
          throw new IOException(
              "GZIP page decompressed to "
                  + output.length
                  + " bytes, expected "
                  + uncompressedSize);
        }
        return BytesInput.from(output);
      }
    }
  }

  private record UnsupportedCodec(CompressionCodecName codec) implements HeapDecompressor {
    @Override
    public BytesInput decompress(BytesInput input, int uncompressedSize) throws IOException {
      throw unsupported();
    }

    private IOException unsupported() {
      return new IOException(
          "compression codec "
              + codec
              + " is not supported; rewrite the file with SNAPPY, ZSTD, GZIP, LZ4_RAW or none");
    }
  }

  /** A decompressor over heap arrays, which serves the direct-buffer call through a copy. */
  private interface HeapDecompressor extends BytesInputDecompressor {
    @Override
    default void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int size)
        throws IOException {
      byte[] bytes = new byte[compressedSize];
      input.get(bytes);
      output.put(decompress(BytesInput.from(bytes), size).toByteArray());
    }

    @Override
    default void release() {}
  }
}
