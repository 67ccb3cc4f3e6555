"""The service contract: what a station may ask of the services, per role, in plain data.

- `types`: the values that cross the boundary; `errors`: refusals as codes with parameters;
- `contract`: one typed interface per role (public, candidate, proctor, examiner, admin);
- `server`: the services behind the contract, deriving who acts from an opaque token;
- `wire`: the JSON encoding of every call, result and error;
- `client`: what screens and the command line hold, over a transport (in process, or JSON loopback
  now; HTTPS in centre mode);
- `files`: files a station reads itself before sending (a roster and its photos, bank and standard files).

This module imports nothing, so the services can use `app.api.types` without a cycle.
"""
