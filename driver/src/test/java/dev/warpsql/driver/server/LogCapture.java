package dev.warpsql.driver.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** The log events of one class's logger, collected from creation until {@link #close}. */
final class LogCapture implements AutoCloseable {
  private final Logger logger;
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();

  private LogCapture(Logger logger) {
    this.logger = logger;
    events.start();
    logger.addAppender(events);
  }

  static LogCapture of(Class<?> type) {
    return new LogCapture((Logger) LoggerFactory.getLogger(type));
  }

  /** Returns the WARN events so far. */
  List<ILoggingEvent> warnings() {
    // AppenderBase appends while it holds the appender's monitor.
    synchronized (events) {
      return events.list.stream().filter(event -> event.getLevel() == Level.WARN).toList();
    }
  }

  @Override
  public void close() {
    logger.detachAppender(events);
    events.stop();
  }
}
