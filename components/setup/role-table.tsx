import type { RolesReadiness } from "@/lib/readiness/roles";

const ROLE_NAMES = { qa: "QA", lead: "lead", admin: "admin" } as const;

export function RoleTable({ roles }: { roles: RolesReadiness }) {
  const { holders, access } = roles;
  return (
    <div className="space-y-3">
      {holders.length === 0 ? (
        <p className="text-sm text-slate-600">
          Nobody holds a role (ROLE_QA, ROLE_LEAD, ROLE_ADMIN are empty).
        </p>
      ) : (
        <div className="overflow-x-auto rounded border border-slate-200 bg-white">
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">Who holds which role</caption>
            <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">
                  GitHub login
                </th>
                <th scope="col" className="px-3 py-2">
                  Roles
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {holders.map((holder) => (
                <tr key={holder.login} data-testid="role-row">
                  <th scope="row" className="px-3 py-2 font-mono text-xs font-normal">
                    {holder.login}
                  </th>
                  <td className="px-3 py-2">{holder.roles.map((r) => ROLE_NAMES[r]).join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="text-sm text-slate-800" data-testid="access">
        <p>Allowed in, as viewers at least:</p>
        <ul className="mt-1 list-disc pl-5">
          <li>everyone holding a role above;</li>
          <li>
            {access.logins.length > 0 ? (
              <>
                the logins in ACCESS_LOGINS:{" "}
                <span className="font-mono text-xs">{access.logins.join(", ")}</span>;
              </>
            ) : (
              "nobody else by login (ACCESS_LOGINS is empty);"
            )}
          </li>
          <li>
            {access.org ? (
              <>
                members of the GitHub organisation <span className="font-mono text-xs">{access.org}</span>{" "}
                (ACCESS_ORG).
              </>
            ) : (
              "no organisation (ACCESS_ORG is not set)."
            )}
          </li>
        </ul>
      </div>
    </div>
  );
}
