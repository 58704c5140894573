// Runs the Node reporter snippet of docs/INTEGRATIONS.md as an integration would: the call-site block
// logs in with jsforce to the simulated org, catches the refusal and reports it; then the reporter is
// given an error that is not Salesforce's, which Login Doctor must refuse. Prints one JSON line.
// argv: the reporter module's path, the call-site block's path.
// env: SIM_URL, SF_USERNAME, SF_PASSWORD, SF_SECURITY_TOKEN, INTAKE_ARN, and the AWS_* of the local Lambda.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import jsforce from "jsforce";

const { reportLoginFailure } = await import(pathToFileURL(process.argv[2]).href);
const callSite = readFileSync(process.argv[3], "utf8");
const env = process.env;
const outcome = {};

async function recorded(intakeArn, error) {
  outcome.caught = String(error);
  outcome.taken = await reportLoginFailure(intakeArn, error);
  return outcome.taken;
}

const AsyncFunction = (async () => {}).constructor;
const run = new AsyncFunction("conn", "USERNAME", "PASSWORD", "SECURITY_TOKEN", "INTAKE_ARN", "reportLoginFailure", callSite);
try {
  await run(new jsforce.Connection({ loginUrl: env.SIM_URL }), env.SF_USERNAME, env.SF_PASSWORD, env.SF_SECURITY_TOKEN,
    env.INTAKE_ARN, recorded);
  outcome.loggedIn = true;
} catch (e) {
  outcome.rethrown = String(e);
}
outcome.notSalesforcesTaken = await reportLoginFailure(env.INTAKE_ARN, new Error("socket hang up"));
console.log(JSON.stringify(outcome));
