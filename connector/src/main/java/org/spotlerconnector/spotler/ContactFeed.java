package org.spotlerconnector.spotler;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.IntFunction;

/**
 * Walks the changes feed page by page, fetching a page only when the caller asks for it, so memory holds one page at
 * a time whatever the window size. Stops at an empty page, a short page, or when the server says there is no next one.
 */
final class ContactFeed implements Iterator<ContactPage> {
  private final IntFunction<ContactFeedPage> fetchAtOffset;
  private final int pageSize;
  private int offset;
  private boolean finished;
  private ContactPage ready;

  ContactFeed(IntFunction<ContactFeedPage> fetchAtOffset, int pageSize) {
    this.fetchAtOffset = fetchAtOffset;
    this.pageSize = pageSize;
  }

  @Override
  public boolean hasNext() {
    if (ready == null && !finished) {
      fetch();
    }
    return ready != null;
  }

  @Override
  public ContactPage next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the feed has no more pages");
    }
    ContactPage page = ready;
    ready = null;
    return page;
  }

  private void fetch() {
    ContactFeedPage page = fetchAtOffset.apply(offset);
    int count = page.contacts().size();
    if (count == 0) {
      finished = true;
      return;
    }
    ready = new ContactPage(offset, page.contacts());
    finished = count < pageSize || page.saysLastPage();
    offset = page.nextOffset(offset);
  }
}
