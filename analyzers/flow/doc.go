// Package flow is leakguard's data-flow library for JavaScript and
// TypeScript request handlers. It follows values inside one function (through
// assignments, destructuring, awaits, spreads, template strings, simple
// wrappers and callbacks) and one step across files through the repo index
// (imported helpers, client factories, auth wrappers), and labels them:
//
//   - Request: read from the request (body, query, route params, form data,
//     headers, cookies) or a server action's arguments: the client controls it.
//   - Identity: the verified caller (Supabase auth.getUser/getClaims, Auth.js
//     auth/getServerSession, Clerk auth/currentUser, the project's helpers).
//   - Unverified: identity read from Supabase auth.getSession() on the server,
//     whose cookie content is not verified.
//   - Privileged and UserScoped: database clients that bypass row-level
//     security (service-role Supabase clients, Prisma, Drizzle, SQL pools) or
//     act as the signed-in user.
//
// On top of the values it builds a model of the database queries a function
// makes (Supabase, Prisma, Drizzle, raw SQL): table, operation, filters and
// written columns with their values, and the checks it performs (auth guards,
// role checks, ownership comparisons, webhook verification, secret checks).
// Rule packages (clienttrust, authguard, privkeyhandler, webhook, cache,
// retrieval, logging) consume a Func and decide what is wrong.
package flow
