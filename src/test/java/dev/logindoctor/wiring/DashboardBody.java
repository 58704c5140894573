package dev.logindoctor.wiring;

/**
 * The CloudWatch dashboard as template.yaml holds it (CloudFormation takes its body as one JSON
 * string, so it is generated whole): edit the widgets here, then regenerate. {@code {{CAUSE_ROWS}}}
 * becomes one row per Cause, {@code {{STEP_ERROR_ROWS}}} one row per step, in StepOrder's order.
 */
final class DashboardBody {
    static final String TEMPLATE = """
            Dashboard:
              Type: AWS::CloudWatch::Dashboard
              Properties:
                DashboardName: !Sub ${AWS::StackName}-${AWS::Region}
                DashboardBody: !Sub |
                  {
                    "widgets": [
                      {
                        "type": "text", "x": 0, "y": 0, "width": 24, "height": 2,
                        "properties": {
                          "markdown": "## Login Doctor: why Salesforce logins failed\\nEach diagnosis is one execution of [${DiagnosisStateMachine.Name}](https://${AWS::Region}.console.aws.amazon.com/states/home?region=${AWS::Region}#/statemachines/view/${DiagnosisStateMachine}) and one item in the DynamoDB table [${DiagnosisTable}](https://${AWS::Region}.console.aws.amazon.com/dynamodbv2/home?region=${AWS::Region}#item-explorer?table=${DiagnosisTable}) (index ByCause). Logs: `/${AWS::StackName}/lambda`."
                        }
                      },
                      {
                        "type": "metric", "x": 0, "y": 2, "width": 16, "height": 8,
                        "properties": {
                          "title": "Diagnoses by cause (per hour)",
                          "region": "${AWS::Region}", "view": "timeSeries", "stacked": true, "stat": "Sum", "period": 3600,
                          "metrics": [
                            {{CAUSE_ROWS}}
                          ]
                        }
                      },
                      {
                        "type": "metric", "x": 16, "y": 2, "width": 8, "height": 8,
                        "properties": {
                          "title": "Causes over the whole time range",
                          "region": "${AWS::Region}", "view": "pie", "stat": "Sum", "period": 3600, "setPeriodToTimeRange": true,
                          "legend": {"position": "right"},
                          "metrics": [
                            {{CAUSE_ROWS}}
                          ]
                        }
                      },
                      {
                        "type": "metric", "x": 0, "y": 10, "width": 8, "height": 6,
                        "properties": {
                          "title": "Diagnosis duration (ms)",
                          "region": "${AWS::Region}", "view": "timeSeries", "period": 3600,
                          "metrics": [
                            [{"id": "avg", "label": "average", "expression": "SELECT AVG(DurationMs) FROM LoginDoctor"}],
                            [{"id": "max", "label": "max", "expression": "SELECT MAX(DurationMs) FROM LoginDoctor"}]
                          ]
                        }
                      },
                      {
                        "type": "metric", "x": 8, "y": 10, "width": 8, "height": 6,
                        "properties": {
                          "title": "Salesforce API requests per diagnosis (budget 4)",
                          "region": "${AWS::Region}", "view": "timeSeries", "period": 3600,
                          "yAxis": {"left": {"min": 0}},
                          "annotations": {"horizontal": [{"label": "budget", "value": 4}]},
                          "metrics": [
                            [{"id": "avg", "label": "average", "expression": "SELECT AVG(SalesforceRequests) FROM LoginDoctor"}],
                            [{"id": "max", "label": "max", "expression": "SELECT MAX(SalesforceRequests) FROM LoginDoctor"}]
                          ]
                        }
                      },
                      {
                        "type": "metric", "x": 16, "y": 10, "width": 8, "height": 6,
                        "properties": {
                          "title": "State machine executions",
                          "region": "${AWS::Region}", "view": "timeSeries", "stat": "Sum", "period": 300,
                          "metrics": [
                            ["AWS/States", "ExecutionsStarted", "StateMachineArn", "${DiagnosisStateMachine}"],
                            [".", "ExecutionsSucceeded", ".", "."],
                            [".", "ExecutionsFailed", ".", "."],
                            [".", "ExecutionsTimedOut", ".", "."],
                            [".", "ExecutionsAborted", ".", "."]
                          ]
                        }
                      },
                      {
                        "type": "metric", "x": 0, "y": 16, "width": 12, "height": 6,
                        "properties": {
                          "title": "Step errors (each became an INCONCLUSIVE finding)",
                          "region": "${AWS::Region}", "view": "timeSeries", "stacked": true, "stat": "Sum", "period": 300,
                          "metrics": [
                            {{STEP_ERROR_ROWS}}
                          ]
                        }
                      },
                      {
                        "type": "metric", "x": 12, "y": 16, "width": 12, "height": 6,
                        "properties": {
                          "title": "Intake, record and probe",
                          "region": "${AWS::Region}", "view": "timeSeries", "stat": "Sum", "period": 300,
                          "metrics": [
                            ["AWS/Lambda", "Invocations", "FunctionName", "${IntakeFunction}", {"label": "intake invocations"}],
                            [".", ".", ".", "${ProbeFunction}", {"label": "probe invocations"}],
                            [".", "Errors", ".", "${IntakeFunction}", {"label": "intake errors"}],
                            [".", ".", ".", "${RecordFunction}", {"label": "record errors"}],
                            [".", ".", ".", "${ProbeFunction}", {"label": "probe errors"}]
                          ]
                        }
                      },
                      {
                        "type": "metric", "x": 0, "y": 22, "width": 24, "height": 6,
                        "properties": {
                          "title": "Risks ahead by kind (integrations at risk, per probe run): login-doctor check / the RISKS items say when and the fix",
                          "region": "${AWS::Region}", "view": "timeSeries", "stacked": true, "period": 900,
                          "yAxis": {"left": {"min": 0}},
                          "metrics": [
                            [{"id": "risks", "label": "", "expression": "SELECT SUM(RisksAhead) FROM LoginDoctor GROUP BY Risk"}]
                          ]
                        }
                      }
                    ]
                  }
            """;

    private DashboardBody() {
    }
}
