package org.spotlerconnector.sandbox.mailplus;

/**
 * The automations, campaigns and tags of the demo account, with fixed ids so that a demo configuration and its
 * walkthrough can name them.
 */
public final class DemoAutomations {
  /** "Welcome journey": final, published, with a STRING, a PRODUCTLIST and a URL field. */
  public static final String WELCOME_AUTOMATION_ID = "6f1c0a52-3d4e-4b8a-9c21-5e7f0a1b2c3d";
  public static final String WELCOME_TRIGGER_CODE = "bc0a8795-536c-432b-83ef-bcb46944eb0f";

  /** "Order follow-up": final, published, at most one run per contact, no fields. */
  public static final String ORDER_FOLLOW_UP_AUTOMATION_ID = "0b8e6c1d-7a2f-4e35-8d9c-1f2a3b4c5d6e";
  public static final String ORDER_FOLLOW_UP_TRIGGER_CODE = "5a7d2e90-1c4b-4f68-a3e5-9b0c8d7e6f51";

  /** "Win-back (draft)": a draft, not published, so triggering it answers 417 AUTOMATION_INACTIVE. */
  public static final String WIN_BACK_AUTOMATION_ID = "9d3f1a7c-2b6e-4c80-b5d4-3e2f1a0b9c8d";
  public static final String WIN_BACK_TRIGGER_CODE = "e4c2b1a0-9f8e-4d7c-8b6a-5f4e3d2c1b0a";

  /** "Onboarding (legacy)": an active campaign with one external trigger. */
  public static final String ONBOARDING_CAMPAIGN_ID = "c0a1b2c3d4e5f60718293a4b";
  public static final String ONBOARDING_TRIGGER_ID = "t0f1e2d3c4b5a69788796a5b";

  /** "Spring sale 2023": an inactive campaign. */
  public static final String SPRING_SALE_CAMPAIGN_ID = "c1b2c3d4e5f60718293a4b5c";
  public static final String SPRING_SALE_TRIGGER_ID = "t1e2d3c4b5a69788796a5b4c";

  private DemoAutomations() {}

  /** Adds the demo automations, campaigns and tags; existing ones with the same ids are replaced. */
  public static void seed(MailPlusEmulator emulator) {
    MailPlusAutomations automations = emulator.automations();
    automations.addAutomation(
        Automation.named("Welcome journey")
            .id(WELCOME_AUTOMATION_ID)
            .trigger(WELCOME_TRIGGER_CODE, "Start welcome")
            .field("invoiceEmail", FieldType.STRING)
            .field("crosssell", FieldType.PRODUCTLIST)
            .field("orderLink", FieldType.URL)
            .build());
    automations.addAutomation(
        Automation.named("Order follow-up")
            .id(ORDER_FOLLOW_UP_AUTOMATION_ID)
            .trigger(ORDER_FOLLOW_UP_TRIGGER_CODE, "Order delivered")
            .participationLimit(1)
            .build());
    automations.addAutomation(
        Automation.named("Win-back (draft)")
            .id(WIN_BACK_AUTOMATION_ID)
            .draft()
            .published(false)
            .trigger(WIN_BACK_TRIGGER_CODE, "Start win-back")
            .field("voucherCode", FieldType.STRING)
            .build());

    MailPlusCampaigns campaigns = emulator.campaigns();
    campaigns.addCampaign(
        Campaign.named("Onboarding (legacy)")
            .encryptedId(ONBOARDING_CAMPAIGN_ID)
            .trigger(ONBOARDING_TRIGGER_ID, "Start onboarding")
            .build());
    campaigns.addCampaign(
        Campaign.named("Spring sale 2023")
            .encryptedId(SPRING_SALE_CAMPAIGN_ID)
            .active(false)
            .trigger(SPRING_SALE_TRIGGER_ID, "Join spring sale")
            .build());

    emulator.tags().addTag("Lead");
    emulator.tags().addTag("Customer");
  }
}
