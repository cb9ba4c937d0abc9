package org.spotlerconnector.sandbox.dataverse.batch;

import org.spotlerconnector.sandbox.http.HttpResponse;

/** The answer to one inner request, with the Content-ID of its part (null when it had none) to echo. */
record PartResponse(String contentId, HttpResponse response) {

  boolean failed() {
    return response.status() >= 400;
  }
}
