"""Runs the Python reporter snippet of docs/INTEGRATIONS.md as an integration would.

The call-site block logs in with simple-salesforce to the simulated org, catches the refusal and
reports it; then the reporter is given an error that is not Salesforce's, which Login Doctor must
refuse. Prints one JSON line.
argv: the reporter module's path, the call-site block's path.
env: SIM_URL, SF_USERNAME, SF_PASSWORD, SF_SECURITY_TOKEN, INTAKE_ARN, and the AWS_* of the local Lambda.
"""
import importlib.util
import json
import os
import sys
from functools import partial

import requests
from requests.adapters import HTTPAdapter
from simple_salesforce import Salesforce, SalesforceAuthenticationFailed


class ToTheSimulatedOrg(HTTPAdapter):
    """simple-salesforce logs in only to https://{domain}.salesforce.com: its requests there go to the sim instead."""

    def send(self, request, **kwargs):
        request.url = request.url.replace("https://login.salesforce.com", os.environ["SIM_URL"], 1)
        return super().send(request, **kwargs)


spec = importlib.util.spec_from_file_location("login_doctor_reporter", sys.argv[1])
reporter = importlib.util.module_from_spec(spec)
spec.loader.exec_module(reporter)
with open(sys.argv[2], encoding="utf-8") as f:
    call_site = f.read()

session = requests.Session()
session.mount("https://login.salesforce.com/", ToTheSimulatedOrg())
outcome = {}


def recorded(intake_arn, error):
    outcome["caught"] = f"{type(error).__name__}: {error}"
    outcome["taken"] = reporter.report_login_failure(intake_arn, error)
    return outcome["taken"]


try:
    exec(call_site, {
        "Salesforce": partial(Salesforce, session=session),
        "SalesforceAuthenticationFailed": SalesforceAuthenticationFailed,
        "USERNAME": os.environ["SF_USERNAME"], "PASSWORD": os.environ["SF_PASSWORD"],
        "TOKEN": os.environ["SF_SECURITY_TOKEN"], "DOMAIN": "login",
        "INTAKE_ARN": os.environ["INTAKE_ARN"], "report_login_failure": recorded,
    })
    outcome["loggedIn"] = True
except SalesforceAuthenticationFailed as e:
    outcome["rethrown"] = f"{type(e).__name__}: {e}"
outcome["notSalesforcesTaken"] = reporter.report_login_failure(os.environ["INTAKE_ARN"], TimeoutError("The read operation timed out"))
print(json.dumps(outcome))
