package dev.warpsql.planner.exec;

import dev.warpsql.executor.device.DeviceRuntime;
import java.util.Properties;
import org.apache.calcite.DataContext;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.CalcitePrepare;

/**
 * Finds the device of the connection whose statement this thread is preparing. Calcite keeps the
 * prepare context of the statement in preparation on a per-thread stack ({@link
 * CalcitePrepare.Dummy}), and the query provider of that context's data context is the connection,
 * whose properties hold {@code device}.
 */
public final class StatementDevice {
  private StatementDevice() {}

  /**
   * Returns the device runtime that the preparing connection chose, or null when its queries run on
   * the CPU, including statements prepared outside a connection.
   */
  public static DeviceRuntime current() {
    CalcitePrepare.Context prepare = CalcitePrepare.Dummy.peek();
    if (prepare == null) {
      return null;
    }
    DataContext dataContext = prepare.getDataContext();
    if (dataContext == null
        || !(dataContext.getQueryProvider() instanceof CalciteConnection connection)) {
      return null;
    }
    Properties properties = connection.getProperties();
    String device = properties.getProperty(WarpRuntime.DEVICE_PROPERTY, DeviceChoice.AUTO.value());
    return WarpRuntime.device(DeviceChoice.parse(device));
  }
}
