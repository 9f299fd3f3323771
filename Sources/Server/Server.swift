// # Server
//
// Ferry's HTTP face, built on Hummingbird 2. One `FerryServer` serves:
//
// - the REST API under `/api/v1` (JSON bodies coded with `APICoding`), which the `ferry` CLI uses;
// - the dashboard: server-rendered Mustache pages from `web/templates`, styles and a small script from
//   `web/static`, and form POSTs under `/ui/…` that act on an application and redirect back;
// - `/healthz`, public, answering `ok`.
//
// Every other route needs the admin token: `Authorization: Bearer <token>` for API clients, or the
// `ferry_token` session cookie the `/login` page sets (HttpOnly, SameSite=Strict, holding an HMAC of the
// token, never the token itself). Dashboard form POSTs also carry a CSRF token derived from the admin
// token and must come from the same origin. Tokens are compared through their SHA-256 digests in constant
// time and never logged.
//
// The server acts on applications only through `ApplicationService`; `ServiceError` kinds map to HTTP
// statuses (notFound → 404, alreadyExists/conflict → 409, invalid → 400, failed → 500), and every error
// body is `{"error": "<message>"}`.
