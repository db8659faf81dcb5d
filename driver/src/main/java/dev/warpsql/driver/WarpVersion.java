package dev.warpsql.driver;

import org.apache.calcite.avatica.DriverVersion;

/** Name and version of WarpSQL that its embedded and remote drivers report. */
public final class WarpVersion {
  /** The driver's and the database's name and version, as JDBC's DatabaseMetaData reports them. */
  public static final DriverVersion DRIVER =
      new DriverVersion("WarpSQL JDBC Driver", "0.1.0", "WarpSQL", "0.1.0", true, 0, 1, 0, 1);

  private WarpVersion() {}
}
