package org.spotlerconnector.sandbox.http;

/** An emulator's request handler. It may throw; the server turns an exception into the emulator's error answer. */
@FunctionalInterface
public interface Handler {
  HttpResponse handle(HttpRequest request) throws Exception;
}
