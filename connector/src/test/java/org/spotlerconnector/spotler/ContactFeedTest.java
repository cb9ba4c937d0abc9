package org.spotlerconnector.spotler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ContactFeedTest {
  private final List<Integer> requestedOffsets = new ArrayList<>();

  @Test
  void follows_offsets_until_a_short_page() {
    ContactFeed feed = new ContactFeed(offset -> bareArray(offset, Math.min(3, 7 - offset)), 3);

    List<ContactPage> pages = drain(feed);

    assertThat(pages).extracting(ContactPage::offset).containsExactly(0, 3, 6);
    assertThat(requestedOffsets).containsExactly(0, 3, 6);
  }

  @Test
  void asks_once_more_after_a_full_last_page_and_stops_at_the_empty_one() {
    ContactFeed feed = new ContactFeed(offset -> bareArray(offset, offset < 4 ? 2 : 0), 2);

    assertThat(drain(feed)).hasSize(2);
    assertThat(requestedOffsets).containsExactly(0, 2, 4);
  }

  @Test
  void stops_when_the_server_paging_says_there_is_no_next_page() {
    ContactFeed feed =
        new ContactFeed(
            offset -> {
              requestedOffsets.add(offset);
              return new ContactFeedPage(contacts(offset, 2), new ContactFeedPage.Paging(null, null));
            },
            2);

    assertThat(drain(feed)).hasSize(1);
    assertThat(requestedOffsets).containsExactly(0);
  }

  @Test
  void fetches_nothing_until_asked() {
    ContactFeed feed = new ContactFeed(offset -> bareArray(offset, 1), 5);

    assertThat(requestedOffsets).isEmpty();
    assertThat(feed.hasNext()).isTrue();
    assertThat(feed.hasNext()).isTrue();
    assertThat(requestedOffsets).containsExactly(0);
  }

  private ContactFeedPage bareArray(int offset, int count) {
    requestedOffsets.add(offset);
    return new ContactFeedPage(contacts(offset, count), null);
  }

  private static List<SpotlerContact> contacts(int offset, int count) {
    return IntStream.range(offset, offset + count).mapToObj(i -> SpotlerContact.of("c" + i)).toList();
  }

  private static List<ContactPage> drain(ContactFeed feed) {
    List<ContactPage> pages = new ArrayList<>();
    feed.forEachRemaining(pages::add);
    return pages;
  }
}
