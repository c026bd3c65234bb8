// A real OpenID Connect provider (oidc-provider, a certified implementation) on a free loopback port, for the
// sign-in tests only. The test fixture starts it, reads the issuer from the first line it prints, and stops it; it
// also exits by itself when its standard input closes, so a test run that dies leaves no provider behind.
//
// Environment:
//   OIDC_CLIENT_ID, OIDC_CLIENT_SECRET  the dashboard's client registration (made up per test run)
//   OIDC_ACCOUNTS_FILE                  JSON { "<login>": { "email": "...", "email_verified": true, "roles": [...] } },
//                                       read on every sign-in so tests can add people while the provider runs.
//                                       The login page (devInteractions) accepts any login and password; a login not
//                                       in the file is a person whose e-mail is the login, verified, with no roles.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';

const { OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_ACCOUNTS_FILE } = process.env;
if (!OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET || !OIDC_ACCOUNTS_FILE) {
  console.error('OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_ACCOUNTS_FILE must be set');
  process.exit(2);
}

function person(login) {
  const accounts = JSON.parse(readFileSync(OIDC_ACCOUNTS_FILE, 'utf8'));
  const known = Object.hasOwn(accounts, login) ? accounts[login] : {};
  return {
    email: known.email ?? login,
    email_verified: known.email_verified ?? true,
    roles: known.roles ?? [],
  };
}

const server = createServer();
server.listen(0, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients: [{
      client_id: OIDC_CLIENT_ID,
      client_secret: OIDC_CLIENT_SECRET,
      // A native client may come back to any port of a loopback address (RFC 8252, 7.3): each test app listens on a
      // port Kestrel picks when it starts, after this provider is already running.
      application_type: 'native',
      redirect_uris: ['http://127.0.0.1/signin-oidc'],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    }],
    // Like an organisation's directory, the roles claim comes with every sign-in; e-mail with the email scope.
    claims: { openid: ['sub', 'roles'], email: ['email', 'email_verified'] },
    scopes: ['openid', 'email'],
    cookies: { keys: [randomBytes(32).toString('hex')] },
    features: { devInteractions: { enabled: true } },
    findAccount(ctx, id) {
      return {
        accountId: id,
        async claims() {
          return { sub: id, ...person(id) };
        },
      };
    },
  });
  server.on('request', provider.callback());
  console.log(JSON.stringify({ issuer }));
});

process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
process.on('SIGTERM', () => process.exit(0));
