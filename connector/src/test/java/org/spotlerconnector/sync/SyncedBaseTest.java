package org.spotlerconnector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** What a send carries of a set field: only the bits that changed, so that Spotler keeps every other change. */
class SyncedBaseTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void a_set_is_cut_down_to_the_bits_whose_state_changed_a_bit_not_mentioned_being_off() {
    ObjectNode values = object("{'firstName':'Anna','permissions':[{'bit':1,'enabled':true},{'bit':2,'enabled':false},"
        + "{'bit':4,'enabled':false}]}");
    ObjectNode from = object("{'firstName':'Ann','permissions':[{'bit':1,'enabled':false},{'bit':2,'enabled':true}]}");

    assertThat(SyncedBase.onlyChangedBits(values, from)).isEqualTo(object(
        "{'firstName':'Anna','permissions':[{'bit':1,'enabled':true},{'bit':2,'enabled':false}]}"));
  }

  @Test
  void an_unchanged_set_is_left_out_and_a_set_the_other_side_never_had_is_sent_whole() {
    ObjectNode values = object("{'permissions':[{'bit':1,'enabled':true},{'bit':2,'enabled':false}],"
        + "'list1':[{'bit':1,'enabled':false}]}");
    ObjectNode from = object("{'permissions':[{'bit':1,'enabled':true},{'bit':8,'enabled':false}]}");

    assertThat(SyncedBase.onlyChangedBits(values, from))
        .isEqualTo(object("{'list1':[{'bit':1,'enabled':false}]}"));
  }

  private static ObjectNode object(String text) {
    try {
      return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
