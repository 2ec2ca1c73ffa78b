"""Every text a customer reads, in one place, so the store can change wording (e.g. to follow
BIS IS 19469 on "laboratory-grown diamond") without touching logic. Defaults are the seed's.

`{site}` is the store's site URL (ELG_SITE_URL); other fields are filled by the replies
module. Change a text here, never in the steps.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True, slots=True)
class Copy:
    main_menu: str = (
        "Welcome to ELG, your destination for premium lab-grown diamonds.\n"
        "What would you like to explore?\n"
        "1. Lab Diamonds\n"
        "2. Lab Jewelry\n"
        "3. Lab Melee\n"
        "4. Track My Order\n"
        "5. Talk to Support\n"
        "\n"
        '(Reply with number or keyword, e.g., "1" or "Lab Diamonds")'
    )
    diamond_question: str = (
        "Let’s help you find your perfect lab-grown diamond.\n"
        "Please share the following details (comma separated):\n"
        "Shape, Carat, Color, Clarity, Cut, Budget->price\n"
        "\n"
        "(Example: Round, 1.5ct, D, VS1, Ideal, ₹1,00,000)"
    )
    results_header: str = "Here are some options based on your preferences:"
    results_footer: str = "Reply: add to cart 1\n\nExplore More: {site}/diamonds"
    result_line: str = "{n}. {shape} | {carat}ct | {color} | {clarity} | {cut} | {price}"
    result_link: str = "   {site}/diamonds/{stock_id}"
    near_match_note: str = "   (close match: {differences})"
    no_match: str = (
        "We couldn’t find an exact match. Would you like a custom quote?\n"
        'Type "Quote" or "Yes" to proceed.'
    )
    quote_question_again: str = (
        'Type "Quote" or "Yes" for a custom quote, "No" to search again, or *menu* for all options.'
    )
    quote_instructions: str = (
        "Please share your preferences again. Our team will prepare a personalized quote.\n"
        "Submit here: {site}/quote"
    )
    quote_details_noted: str = (
        "Thank you, we have added this to your quote request. Our team will reply in this "
        "chat.\nType *menu* to keep exploring."
    )
    quote_declined: str = (
        "No problem. Send another description to search again, or type *menu* for all options."
    )
    added_to_cart: str = (
        "✅ Product {n} has been added to your cart.\nContinue shopping: {site}/diamonds"
    )
    already_in_cart: str = (
        "Product {n} is already in your cart (each stone is unique, so one is all there is).\n"
        "Type *cart* to see your cart."
    )
    item_unavailable: str = (
        "Sorry, product {n} has just been sold or withdrawn. Please pick another option, or "
        "send your preferences again to search."
    )
    no_such_option: str = "There is no option {n} here. Please choose an option from 1 to {count}."
    nothing_to_add: str = (
        "There is nothing to add yet. Type *1* for Lab Diamonds and send a description first."
    )
    cart_empty: str = "Your cart is empty.\nType *1* to explore Lab Diamonds."
    cart_header: str = "Your cart:"
    cart_line: str = "{n}. {title} | {price}"
    cart_total: str = "Total: {total}\nContinue shopping: {site}/diamonds"
    spec_not_understood: str = (
        "Sorry, I could not read a diamond description from that.\n"
        "Please send: Shape, Carat, Color, Clarity, Cut, Budget\n"
        "(Example: Round, 1.5ct, D, VS1, Ideal, ₹1,00,000)"
    )
    spec_example: str = (
        "Please send: Shape, Carat, Color, Clarity, Cut, Budget\n"
        "(Example: Round, 1.5ct, D, VS1, Ideal, ₹1,00,000)"
    )
    spec_unclear_part: str = "I did not understand {field} “{text}”: {reason}."
    spec_missing: str = "Got it: {known}. What {missing}?"
    spec_ambiguous_shape: str = "Did you mean {options}? Please type the shape."
    fancy_color_unavailable: str = (
        "We stock white (D–Z) laboratory-grown diamonds only, not {fancy} ones. "
        "Type *Quote* and our team can look for one for you."
    )
    not_understood: str = (
        "Sorry, I didn’t understand that. Reply with a number from 1 to 5, or type *menu*."
    )
    empty_message: str = "I didn’t receive any text. Type *menu* to see what I can do."
    media_not_supported: str = (
        "Thanks! I can only read text messages for now. Please type your request, "
        "or type *menu* to see options."
    )
    location_not_supported: str = (
        "Thanks for sharing a location. I can only read text messages for now; "
        "type *menu* to see options."
    )
    contacts_not_supported: str = (
        "Thanks for the contact card. I can only read text messages for now; "
        "type *menu* to see options."
    )
    help: str = (
        "You can type:\n"
        "• *menu* to see all options\n"
        "• *1* (Lab Diamonds), then a description such as: Round, 1.5ct, D, VS1, Ideal, "
        "₹1,00,000\n"
        "• *add to cart 1* after you see options\n"
        "• *cart* to see your cart\n"
        "• *back* to go one step back"
    )
    coming_soon: str = (
        "{item} on WhatsApp is coming soon. Meanwhile please visit {site}, "
        "or type *menu* for other options."
    )
    busy: str = (
        "Sorry, we are handling your previous message. Please send this one again in a moment."
    )

    def with_site(self, site_url: str) -> Copy:
        """A copy with `{site}` filled in everywhere."""
        site = site_url.rstrip("/")
        values = {f.name: getattr(self, f.name).replace("{site}", site) for f in fields(self)}
        return Copy(**values)
