package dev.warpsql.driver.remote;

import java.io.File;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.Optional;
import java.util.Properties;
import org.apache.calcite.avatica.BuiltInConnectionProperty;

/**
 * A check of the truststore that a remote URL names, run after a connection failed, to tell a
 * truststore problem from a server that cannot be reached. Avatica's client (1.27) reports a
 * missing file or a wrong password with the bare message of the underlying exception.
 */
final class TruststoreCheck {
  private static final String TRUSTSTORE = BuiltInConnectionProperty.TRUSTSTORE.camelName();
  private static final String TRUSTSTORE_PASSWORD =
      BuiltInConnectionProperty.TRUSTSTORE_PASSWORD.camelName();

  private TruststoreCheck() {}

  /**
   * Returns what is wrong with the truststore of the connection properties, or empty when they name
   * none or it opens with its password. The text never contains the password.
   */
  static Optional<String> problem(Properties properties) {
    String path = properties.getProperty(TRUSTSTORE);
    if (path == null || path.isBlank()) {
      return Optional.empty();
    }
    File file = new File(path);
    if (!file.isFile()) {
      return Optional.of("truststore " + path + " is not found; check the truststore property");
    }
    String password = properties.getProperty(TRUSTSTORE_PASSWORD, "");
    try {
      KeyStore.getInstance(file, password.toCharArray());
      return Optional.empty();
    } catch (IOException e) {
      if (e.getCause() instanceof UnrecoverableKeyException) {
        return Optional.of(
            "truststore " + path + " does not open with its password; check truststore_password");
      }
      return Optional.of(
          "truststore "
              + path
              + " cannot be read ("
              + e.getMessage()
              + "); check truststore_password and that the file is a JKS or PKCS12 keystore");
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return Optional.of(
          "truststore "
              + path
              + " is not a JKS or PKCS12 keystore ("
              + e.getMessage()
              + "); check the truststore property");
    }
  }
}
