package dev.warpsql.planner.exec;

import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import dev.warpsql.kernels.ir.KernelException;
import dev.warpsql.planner.lower.UnsupportedLoweringException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns failures from parsing, validation, planning and execution into exceptions that carry an
 * SQLSTATE through Calcite's JDBC layer.
 *
 * <p>Calcite wraps whatever a statement throws into an {@code SQLException} without an SQLSTATE,
 * except for Avatica's {@link AvaticaClientRuntimeException}, whose SQLSTATE, error code and
 * message it keeps. That is why every failure leaves WarpSQL in that form.
 */
public final class SqlErrors {
  private static final Logger LOG = LoggerFactory.getLogger(SqlErrors.class);

  /** The start of the message of Calcite's failure to implement an Enumerable plan (1.41). */
  private static final String UNABLE_TO_IMPLEMENT = "Unable to implement ";

  private SqlErrors() {}

  /** Returns the exception to throw for a failure, with its SQLSTATE. */
  public static RuntimeException translate(Throwable failure) {
    if (failure instanceof AvaticaClientRuntimeException already) {
      return already;
    }
    for (Throwable cause = failure; cause != null; cause = nextCause(cause)) {
      if (cause instanceof StackOverflowError) {
        LOG.debug("stack overflow, reported to the client as 54001", failure);
        return create(
            ErrorCode.STATEMENT_TOO_COMPLEX,
            "statement too complex: its expressions nest too deeply to plan or compile; split or"
                + " simplify the deepest expression",
            failure);
      }
      if (cause instanceof OutOfMemoryError) {
        return create(
            ErrorCode.OUT_OF_MEMORY,
            "out of Java heap memory while running the statement; reduce its data or raise -Xmx",
            failure);
      }
      if (cause instanceof WarpException warp) {
        return create(warp.code(), warp.getMessage(), failure);
      }
      if (cause instanceof KernelException kernel) {
        return create(ErrorCode.of(kernel.code()), kernel.getMessage(), failure);
      }
      if (cause instanceof SqlParseException parse) {
        return create(ErrorCode.SYNTAX_ERROR, syntaxMessage(parse), failure);
      }
      if (cause instanceof CalciteContextException context) {
        return create(validationCode(context), context.getMessage(), failure);
      }
      if (cause instanceof UnsupportedLoweringException unsupported) {
        return create(
            ErrorCode.UNSUPPORTED,
            "not supported by WarpSQL yet: " + unsupported.getMessage(),
            failure);
      }
      if (cause instanceof ArithmeticException arithmetic) {
        String message = String.valueOf(arithmetic.getMessage());
        boolean byZero = message.toLowerCase(java.util.Locale.ROOT).contains("zero");
        return create(
            byZero ? ErrorCode.DIVISION_BY_ZERO : ErrorCode.NUMERIC_OVERFLOW,
            byZero ? "division by zero" : "numeric value out of range: " + message,
            failure);
      }
      if (String.valueOf(cause.getMessage()).contains("more than one value in agg SINGLE_VALUE")) {
        // Calcite's scalar-subquery check raises a plain IllegalStateException with this text.
        return create(
            ErrorCode.CARDINALITY_VIOLATION,
            "a scalar subquery returned more than one row",
            failure);
      }
      if (cause instanceof NumberFormatException number) {
        return create(ErrorCode.INVALID_CAST, "invalid number: " + number.getMessage(), failure);
      }
      if (cause instanceof java.time.DateTimeException dateTime) {
        return create(
            ErrorCode.INVALID_CAST, "invalid date or time: " + dateTime.getMessage(), failure);
      }
      RuntimeException calciteDataError = calciteDataError(cause, failure);
      if (calciteDataError != null) {
        return calciteDataError;
      }
      if (cause instanceof RelOptPlanner.CannotPlanException) {
        return create(
            ErrorCode.UNSUPPORTED,
            "WarpSQL cannot plan this query yet; simplify the construct named here: "
                + firstLine(cause.getMessage()),
            failure);
      }
    }
    // Debug level, because the client receives the error; a command line prints one line.
    LOG.debug("internal error, reported to the client as XX000", failure);
    return create(
        ErrorCode.INTERNAL_ERROR,
        "internal error: " + failure,
        failure,
        List.of(stackTrace(failure)));
  }

  /**
   * Returns the failure's stack trace as text. Calcite's JDBC layer drops the cause of the
   * exception it throws, so an internal error carries its trace where {@code
   * AvaticaSqlException.getStackTraces()} returns it, for a bug report.
   */
  private static String stackTrace(Throwable failure) {
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    return trace.toString();
  }

  /**
   * Returns the failure behind {@code cause}. Calcite's {@code
   * EnumerableRelImplementor.implementRoot} (1.41) rethrows a failure to implement a plan as an
   * IllegalStateException "Unable to implement ..." that keeps the failure as a suppressed
   * exception, not as its cause, so a data error raised while a kernel below an Enumerable operator
   * is built would otherwise read as an internal error.
   */
  private static Throwable nextCause(Throwable cause) {
    if (cause.getCause() == null
        && cause instanceof IllegalStateException
        && String.valueOf(cause.getMessage()).startsWith(UNABLE_TO_IMPLEMENT)
        && cause.getSuppressed().length == 1) {
      return cause.getSuppressed()[0];
    }
    return cause.getCause();
  }

  private static String syntaxMessage(SqlParseException parse) {
    SqlParserPos position = parse.getPos();
    String detail = firstLine(parse.getMessage());
    if (position == null || detail.contains("line " + position.getLineNum())) {
      return "syntax error: " + detail;
    }
    return "syntax error at line "
        + position.getLineNum()
        + ", column "
        + position.getColumnNum()
        + ": "
        + detail;
  }

  private static ErrorCode validationCode(CalciteContextException context) {
    String message = String.valueOf(context.getMessage());
    if (message.contains("Object '") && message.contains("not found")) {
      return ErrorCode.UNKNOWN_TABLE;
    }
    if (message.contains("Column '") && message.contains("not found")) {
      return ErrorCode.UNKNOWN_COLUMN;
    }
    return ErrorCode.VALIDATION_ERROR;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static AvaticaClientRuntimeException create(
      ErrorCode code, String message, Throwable failure) {
    return create(code, message, failure, List.of());
  }

  /**
   * Creates the error with the message as the first of its server-side texts. Calcite's prepare
   * path (1.41) replaces the message with "Error while preparing statement [...]" and keeps only
   * those texts, from which the driver then takes the message back.
   */
  private static AvaticaClientRuntimeException create(
      ErrorCode code, String message, Throwable failure, List<String> stackTraces) {
    List<String> texts = new ArrayList<>();
    texts.add(message);
    texts.addAll(stackTraces);
    AvaticaClientRuntimeException exception =
        new AvaticaClientRuntimeException(
            message, code.ordinal(), code.sqlState(), AvaticaSeverity.ERROR, texts, null);
    exception.initCause(failure);
    return exception;
  }

  /** Calcite's message (1.41) for a string that a CAST to DATE, TIME or TIMESTAMP rejects. */
  private static final Pattern INVALID_DATETIME_TEXT =
      Pattern.compile("Invalid (DATE|TIME|TIMESTAMP) value, ");

  /**
   * Returns the SQL error for a data error that Calcite's constant folding or Enumerable code
   * (1.41) raises as a plain exception, recognised by its message, or null for any other failure.
   */
  private static RuntimeException calciteDataError(Throwable cause, Throwable failure) {
    String message = String.valueOf(cause.getMessage());
    if (cause instanceof IllegalArgumentException
        && message.startsWith("Value of ")
        && message.contains(" field is out of range")) {
      return create(ErrorCode.DATETIME_FIELD_OVERFLOW, "invalid date or time: " + message, failure);
    }
    if (cause instanceof IllegalArgumentException
        && INVALID_DATETIME_TEXT.matcher(message).lookingAt()) {
      return create(
          ErrorCode.INVALID_CAST,
          "invalid date or time: "
              + message
              + "; write dates as YYYY-MM-DD, times as HH:MM:SS[.ffffff] and timestamps as"
              + " YYYY-MM-DD HH:MM:SS[.ffffff]",
          failure);
    }
    if (message.startsWith("Invalid character for cast")) {
      return create(ErrorCode.INVALID_CAST, message, failure);
    }
    if (message.startsWith("Cannot take logarithm of zero or negative number")) {
      return create(ErrorCode.INVALID_LOGARITHM_ARGUMENT, message, failure);
    }
    return null;
  }
}
