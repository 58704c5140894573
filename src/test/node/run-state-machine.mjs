// Runs statemachine/login-doctor.asl.json with aws-local-stepfunctions, every lambda:invoke Task
// sent to a local endpoint that speaks Lambda's Invoke API (served by the Java test with the real
// handlers). Reads one JSON request on stdin:
//   {definition, substitutions: {Name: value}, input, invokeUrl, executionArn, executionName, retryIntervalMs}
// and prints one JSON result on stdout:
//   {status: "SUCCEEDED"|"FAILED", output?, error?, cause?, events: [{type, state, error?}]}
import { StateMachine, ExecutionError } from 'aws-local-stepfunctions';

const request = JSON.parse(await readStdin());
const definition = JSON.parse(substitute(request.definition, request.substitutions));

const taskStates = Object.entries(definition.States).filter(([, s]) => s.Type === 'Task').map(([name]) => name);
const taskResourceLocalHandlers = Object.fromEntries(taskStates.map((name) => [name, invokeLambda]));
const retryIntervalOverrides = Object.fromEntries(taskStates.map((name) => [name, request.retryIntervalMs ?? 0]));

const machine = new StateMachine(definition, { validationOptions: { checkPaths: true, checkArn: true } });
const execution = machine.run(request.input, {
  overrides: { taskResourceLocalHandlers, retryIntervalOverrides },
  context: {
    Execution: {
      Id: request.executionArn,
      Name: request.executionName,
      Input: request.input,
      StartTime: new Date().toISOString(),
    },
  },
});

const events = [];
const collecting = (async () => {
  for await (const event of execution.eventLogs) {
    events.push({ type: event.type, state: event.state?.name, error: event.Error });
  }
})();

let result;
try {
  const output = await execution.result;
  result = { status: 'SUCCEEDED', output };
} catch (e) {
  const cause = e instanceof ExecutionError ? e.cause : e;
  result = { status: 'FAILED', error: cause?.name ?? e.name, cause: cause?.message ?? e.message };
}
await collecting;
process.stdout.write(JSON.stringify({ ...result, events }) + '\n');

// The Task's effective input is {FunctionName, Payload}; Lambda answers 200 with the payload, or
// 200 with X-Amz-Function-Error and {errorType, errorMessage}: Step Functions then reports the error
// named errorType with the whole error document as its Cause, which is what this throws.
async function invokeLambda(input) {
  const url = `${request.invokeUrl}/2015-03-31/functions/${encodeURIComponent(input.FunctionName)}/invocations`;
  const response = await fetch(url, { method: 'POST', body: JSON.stringify(input.Payload ?? null) });
  const body = await response.text();
  if (response.status !== 200) {
    const error = new Error(body);
    error.name = 'Lambda.ServiceException';
    throw error;
  }
  if (response.headers.get('x-amz-function-error')) {
    const lambdaError = JSON.parse(body);
    const error = new Error(body);
    error.name = lambdaError.errorType;
    throw error;
  }
  return { ExecutedVersion: '$LATEST', StatusCode: 200, Payload: JSON.parse(body) };
}

function substitute(text, substitutions) {
  const replaced = text.replace(/\$\{([A-Za-z0-9]+)\}/g, (placeholder, name) => {
    if (!(name in substitutions)) throw new Error(`no substitution for ${placeholder}`);
    return substitutions[name];
  });
  return replaced;
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}
