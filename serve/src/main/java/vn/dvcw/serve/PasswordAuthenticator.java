package vn.dvcw.serve;

import javax.security.sasl.AuthenticationException;
import org.apache.hive.service.auth.PasswdAuthenticationProvider;

/**
 * HiveServer2's CUSTOM authentication for the endpoint: a JDBC/ODBC login is accepted when its user and password
 * match the credentials file. HiveServer2 creates this class by name, so the credentials the endpoint loaded are
 * handed over through {@link #use}.
 */
public final class PasswordAuthenticator implements PasswdAuthenticationProvider {
  private static volatile Credentials credentials;

  static void use(Credentials loaded) {
    credentials = loaded;
  }

  @Override
  public void Authenticate(String user, String password) throws AuthenticationException {
    Credentials c = credentials;
    if (c == null || !c.accepts(user, password)) {
      // The same answer for an unknown user and a wrong password: nothing to learn from it.
      throw new AuthenticationException("dvcw serve: wrong user or password");
    }
  }
}
