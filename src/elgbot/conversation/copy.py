"""Every text a customer reads, in one place, so the store can change wording (e.g. to follow
BIS IS 19469 on "laboratory-grown diamond") without touching logic. Defaults are the seed's.

`{site}` is the store's site URL (ELG_SITE_URL); other fields are filled by the replies
module. Change a text here, never in the steps.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Final

_MENU_ITEMS: Final = (
    "1. Lab Diamonds\n2. Lab Jewelry\n3. Lab Melee\n4. Track My Order\n5. Talk to Support\n"
)


@dataclass(frozen=True, slots=True)
class Copy:
    main_menu: str = (
        "Welcome to ELG, your destination for premium lab-grown diamonds.\n"
        "What would you like to explore?\n"
        f"{_MENU_ITEMS}"
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
    # Under the header and under "no exact match": what was searched, since a spec is
    # built over several messages and earlier parts stay until changed.
    searched_for: str = "Your search: {spec}"
    change_any_part: str = "Send any part to change it (e.g. another colour, a higher budget)."
    lowest_price: str = "Our lowest price for this is {price}: send a higher budget to see it."
    results_footer: str = "Reply: add to cart {first}\n\nExplore More: {site}/diamonds"
    result_line: str = "{n}. {shape} | {carat}ct | {color} | {clarity} | {cut} | {price}"
    result_link: str = "   {site}/diamonds/{stock_id}"
    near_match_note: str = "   (close match: {differences})"
    stretch_note: str = "   (stretch: {over} over your budget)"
    more_hint: str = "Type *more* to see more options."
    no_more_options: str = (
        "Those are all the options I can show for this search. Tell me what to change, "
        "or type *menu* for all options."
    )
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
    quote_noted: str = "We have noted: {spec}. Send only what you would like to add or change."
    quote_from_scratch: str = (
        "Happy to arrange a custom quote. Tell me what you are looking for, e.g. Round, 2ct, "
        "E, VS1, ₹3,00,000 (or the jewellery or melee you have in mind), and our team will "
        "prepare a personalized quote.\nOr submit it here: {site}/quote"
    )
    quote_waiting_for_details: str = (
        "Please type what you would like quoted (shape, carat, colour, clarity, budget, or "
        "the design), and I will add it to your request. Or submit it here: {site}/quote"
    )
    quote_acknowledged: str = (
        "Our team has your request and will reply in this chat. Send anything you would "
        "like to add, or type *menu* to keep exploring."
    )
    quote_nothing_to_add: str = (
        "No problem: our team has your request and will reply in this chat.\n"
        "Type *menu* to keep exploring."
    )
    you_are_welcome: str = (
        "You’re welcome, and thank you for visiting ELG! Type *menu* whenever you need "
        "anything else."
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
    jewelry_already_in_cart: str = (
        "Product {n} is already in your cart. Would you like more than one? Type *agent* "
        "and our team will arrange it.\nType *cart* to see your cart."
    )
    already_in_cart: str = (
        "Product {n} is already in your cart (each stone is unique, so one is all there is).\n"
        "Type *cart* to see your cart."
    )
    item_unavailable: str = (
        "Sorry, product {n} has just been sold or withdrawn. Please pick another option, or "
        "send your preferences again to search."
    )
    bare_number: str = (
        "To add option {n} to your cart, type *add to cart {n}*.\nFor the main menu, type *menu*."
    )
    no_such_option: str = "There is no option {n} here. Please choose an option from 1 to {count}."
    nothing_to_add: str = (
        "There is nothing to add yet: search first. Type *menu* and choose Lab Diamonds,"
        " Lab Jewelry or Lab Melee."
    )
    # After a search found nothing: followed by that step's quote question.
    nothing_matched_to_add: str = "Nothing matched that search, so there is nothing to add."
    cart_empty: str = "Your cart is empty.\nType *1* to explore Lab Diamonds."
    cart_header: str = "Your cart:"
    cart_line: str = "{n}. {title} | {price}"
    cart_link: str = "   {site}/{path}/{item_id}"
    cart_unavailable_note: str = "   (no longer available: sold or withdrawn, not in the total)"
    cart_repriced_note: str = "   (price changed from {old} to {new})"
    cart_total: str = "Total: {total}\nContinue shopping: {site}"
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
    # A round's size in mm, read through the trade's size chart (an estimate).
    carat_from_size: str = (
        "A {size} round weighs about {carats} ct (it varies with the cut), "
        "so I read it as {low}–{high} ct."
    )
    # "cheaper", "bigger", "better quality" after results, when the search has no budget,
    # carat or grade to move from.
    refine_budget_question: str = (
        "What is the most you would like to spend? (e.g. *under 50k* or *₹75,000*)"
    )
    refine_carat_question: str = "What carat weight would you like? (e.g. *2 ct*)"
    refine_grade_question: str = (
        "Which colour and clarity would you like? (e.g. *F VVS1*; D and FL are the best)"
    )
    spec_ambiguous_shape: str = "Did you mean {options}? Please type the shape."
    fancy_color_unavailable: str = (
        "We stock white (D–Z) laboratory-grown diamonds only, not {fancy} ones. "
        "Type *Quote* and our team can look for one for you."
    )
    # Also a first message the bot cannot read: the customer may never have seen the menu.
    not_understood: str = (
        "Sorry, I didn’t understand that. Here is what I can help with:\n"
        f"{_MENU_ITEMS}"
        "\n"
        "Reply with a number from 1 to 5, or ask me a question."
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
        "• *add to cart 1* after you see options, *more* for the next ones\n"
        "• *cheaper*, *bigger*, *smaller* or *better quality* after diamond options\n"
        "• *cart* to see your cart\n"
        "• *remove 1*, *clear cart* or *checkout* for your cart\n"
        "• *back* to go one step back"
    )
    coming_soon: str = (
        "{item} on WhatsApp is coming soon. Meanwhile please visit {site}, "
        "or type *menu* for other options."
    )
    busy: str = (
        "Sorry, we are handling your previous message. Please send this one again in a moment."
    )
    turn_failed: str = (  # a fault of ours, logged; the message may be sent again
        "Sorry, something went wrong on our side with that message. Please send it again, "
        "or type *agent* and our team will help you."
    )
    # ---- Talk to Support: the assistant, and a person. `{hours}` and `{contact}` come from
    # the store facts file (sections "Hours" and "Other ways to reach us").
    support_welcome: str = (
        "Happy to help. Ask me anything about ELG: certificates, shipping, returns, "
        "caring for your jewellery …\n"
        "Type *agent* to talk to a person from our team, or *menu* for all options."
    )
    assistant_footer: str = "(Type *agent* to talk to a person, or *menu* for all options.)"
    assistant_unknown: str = (
        "Sorry, I don’t know the answer to that. Type *agent* and a member of our team will "
        "reply here, or type *menu* for all options."
    )
    assistant_unavailable: str = (
        "Sorry, I can’t answer questions right now. Type *agent* and a member of our team "
        "will reply here, or type *menu* for all options."
    )
    assistant_declined: str = (
        "Sorry, I can’t help with that here. Type *agent* to talk to a person, or *menu* for "
        "all options."
    )
    assistant_safe_answer: str = (
        "For prices, offers and orders please use the menu, which always shows the current "
        "details: *1* Lab Diamonds, *4* Track My Order. Or type *agent* to ask our team."
    )
    assistant_ask_again: str = (
        "Sorry, I could not answer your earlier question in time. Please send it again, or "
        "type *agent* to talk to a person."
    )
    # "is this a real person or a bot?": said plainly, with the way to a person.
    about_the_bot: str = (
        "I am ELG’s WhatsApp assistant, a bot. To talk to a person from our team, type "
        "*agent* and they will reply here in this chat.\n"
        "Our hours: {hours}\n"
        "Type *menu* for all options."
    )
    handoff_opened: str = (
        "Thank you. A member of our team will reply to you here in this chat.\n"
        "Our hours: {hours}\n"
        "Type *menu* at any time to go back to the bot."
    )
    # The handoff is closed: staff no longer see this chat, so say so and how to reach them.
    handoff_ended: str = (
        "You are back with the ELG bot. Our team no longer sees this chat: type *agent* to "
        "talk to them again."
    )
    handoff_closed: str = (
        "Our team has closed this conversation. The ELG bot is back: type *menu* for all options."
    )
    handoff_unanswered: str = (
        "Sorry for the wait: our team has not been able to reply yet. You can also reach us "
        "here:\n{contact}\nOur hours: {hours}\nOr type *menu* to go back to the bot."
    )

    # ---- Lab Jewelry (menu 2) ----------------------------------------------------------------
    jewelry_question: str = (
        "Let’s find your laboratory-grown diamond jewellery.\n"
        "Tell me what you are looking for (type, metal, diamond weight, budget) in one message.\n"
        "\n"
        "(Examples: ring in 18k rose gold under 60k · 1ct solitaire studs · "
        "platinum band size 14)"
    )
    jewelry_not_understood: str = (
        "Sorry, I could not tell which piece you are looking for.\n"
        "Please send the type, metal and budget, e.g. ring in 18k rose gold under 60k"
    )
    jewelry_results_header: str = "Here are some pieces for you ({wish}):"
    jewelry_result: str = "{n}. {title}\n   {details} | {price}\n   {site}/jewelry/{stock_id}"
    jewelry_results_footer: str = (
        "Reply: add to cart {first}\n"
        "Or tell me what to change (e.g. in white gold, under 80k).\n"
        "\n"
        "Explore More: {site}/jewelry"
    )
    jewelry_results_help: str = (
        "Reply *add to cart 1* to add a piece, tell me what to change (e.g. in platinum), "
        "or type *menu* for all options."
    )
    jewelry_closest: str = (
        "We have no {wish} in stock right now. The closest pieces, with another {opened}:"
    )
    jewelry_closest_quote: str = (
        "Or type *quote* and our designers will make exactly what you asked for."
    )
    design_suggestion: str = (
        "We couldn’t find a piece like that in stock. Our designers can make it for you.\n"
        'Would you like a custom quote for a bespoke design? Type "Quote" or "Yes" to proceed.'
    )
    # A piece the range has no kind for ("mangalsutra"): said, with the same quote offer.
    jewelry_not_in_range: str = (
        "We don’t have {pieces} in our range, but our designers can make one for you.\n"
        'Would you like a custom quote for a bespoke design? Type "Quote" or "Yes" to proceed.'
        "\nOr tell me another piece (e.g. a pendant or a tennis necklace)."
    )
    design_question_again: str = (
        'Type "Quote" or "Yes" for a bespoke design quote, "No" to search again, or *menu* for '
        "all options."
    )
    design_instructions: str = (
        "Wonderful. Please describe the design you have in mind: style, metal, ring size, "
        "stones, budget, or a link to a picture. Our team will prepare a personalized quote.\n"
        "Submit here: {site}/quote"
    )
    design_declined: str = (
        "No problem. Tell me what else you are looking for, or type *menu* for all options."
    )
    jewelry_added: str = (
        "✅ Product {n} has been added to your cart.\nContinue shopping: {site}/jewelry"
    )
    jewelry_added_in_size: str = (
        "✅ Product {n} in size {size} has been added to your cart.\n"
        "Continue shopping: {site}/jewelry"
    )
    # A ring made to the customer's size: the size is asked before it goes in the cart.
    checkout_without_ring: str = (
        "Product {n} is not in your cart: it is made to your size, which I still need. "
        "Send your size (e.g. *12*) to add it, then *checkout* again."
    )
    checkout_without_melee: str = (
        "Product {n} is not in your cart: melee needs a quantity. To add it, send e.g. "
        "*add 10 cts of {n}*."
    )
    ring_size_question: str = (
        "What is your ring size? {products} made to your size.\nSend the Indian size, "
        "e.g. *12* (sizes run from 1 to 30). Not sure? Reply *not sure*."
    )
    ring_size_range: str = "Indian ring sizes run from 1 to 30. What is your ring size? e.g. *12*"
    ring_size_help: str = (
        "No problem. Measure the inside circumference of a ring that fits you: 51.9 mm is "
        "size 12, 54.4 mm size 14, 56.3 mm size 16.\nSend the size when you have it, e.g. "
        "*14*, or type *agent* and our team will help you."
    )
    ring_size_fixed: str = (
        "Product {n} comes in size {size} only. To see rings in size {asked}, send "
        "*ring size {asked}*."
    )
    # ---- Lab Melee (menu 3) ------------------------------------------------------------------
    melee_question: str = (
        "Let’s find your melee (small laboratory-grown diamonds, sold per carat).\n"
        "Please send the size, quality and quantity:\n"
        "• size: sieve (+6.5 -7), millimetres (1.3 mm) or pointer (2 pointer)\n"
        "• quality: e.g. EF VVS or GH VS-SI\n"
        "• quantity: e.g. 10 cts, or 100 pcs\n"
        "• budget, if you have one: e.g. under 1 lakh, or 12000/ct\n"
        "\n"
        "(Example: +6.5 -7 EF VVS 10 carats)"
    )
    melee_not_understood: str = (
        "Sorry, I could not read a melee size from that.\n"
        "Please send e.g. +6.5 -7 EF VVS 10 carats, or 1.3 mm GH VS-SI 10 cts"
    )
    melee_size_missing: str = (
        "Got it: {known}. Which size? A sieve (+6.5 -7), millimetres (1.3 mm) or a pointer "
        "(2 pointer)."
    )
    melee_results_header: str = "Melee parcels for {wish}:"
    melee_result: str = "{n}. {sieve} | {mm} mm | {band} | {price}/ct | {available} ct available"
    melee_total: str = "   {carats} ct × {price}/ct = {total}"
    melee_short: str = (
        "   Only {available} ct available: {available} ct × {price}/ct = {total}. "
        "Type *quote* and our team will source the other {missing} ct."
    )
    melee_quantity_hint: str = "Tell me how many carats you need (e.g. 10 cts) to see the total."
    # Stones of a mix of chart sizes ("1-1.5 mm 100 pcs") have no one weight to convert.
    melee_stones_need_carats: str = (
        "Melee is sold by the carat, and {stones} stones of a mix of sizes have no one weight: "
        "tell me how many carats you need (e.g. 2 cts) to see the total."
    )
    melee_budget_buys: str = "   {budget} buys {carats} ct of this parcel"
    melee_lowest_price: str = (
        "Nothing fits that budget: our lowest price for {wish} is {price}. "
        "Send a higher budget, another quality (e.g. GH VS-SI) or a smaller quantity."
    )
    melee_no_match_in_budget: str = (
        'Or our team can source it for you: type "Quote" or "Yes" for a quote.'
    )
    melee_results_footer: str = "Reply: add to cart {first}\n\nExplore More: {site}/melee"
    melee_results_help: str = (
        "Reply *add to cart 1*, send another size or quantity (e.g. 20 cts), type *quote* for "
        "a quote, or *menu* for all options."
    )
    melee_no_match: str = (
        "We have no parcel of that size and quality in stock right now. Our team can source "
        'it: would you like a quote? Type "Quote" or "Yes" to proceed.'
    )
    melee_quote_question_again: str = (
        'Type "Quote" or "Yes" for a quote, "No" to search again, or *menu* for all options.'
    )
    melee_quote_noted: str = (
        "Thank you, we have noted your request ({wish}). Our team will reply in this chat "
        "with a quote.\nType *menu* to keep exploring."
    )
    melee_quote_declined: str = (
        "No problem. Send another size or quality, or type *menu* for all options."
    )
    melee_quantity_first: str = (
        "How many carats of option {n} do you need? Send the carats, e.g. *10*"
    )
    melee_added: str = (
        "✅ {carats} ct of product {n} ({total}) has been added to your cart.\n"
        "Continue shopping: {site}/melee"
    )
    melee_added_partly: str = (
        "✅ {carats} ct of product {n} ({total}) has been added to your cart: that is all we "
        "have. Type *quote* and our team will source the other {missing} ct."
    )
    # The parcel was in the cart already: the new quantity replaces the old one.
    melee_replaced: str = (
        "✅ Your cart now has {carats} ct of product {n} ({total}), in place of the quantity "
        "it had before (not on top of it).\nType *cart* to see your cart."
    )
    melee_replaced_partly: str = (
        "✅ Your cart now has {carats} ct of product {n} ({total}), in place of the quantity "
        "it had before: that is all we have. Type *quote* and our team will source the other "
        "{missing} ct."
    )
    # ---- Track My Order (menu 4) -------------------------------------------------------------
    order_id_question: str = (
        "Please send your order id (e.g. ELG-10234). You will find it in your order confirmation."
    )
    orders_header: str = "Your recent orders:"
    order_line: str = "{n}. {order_id} | {status} | placed {placed}"
    orders_footer: str = "Reply with a number for details (e.g. 1), or send another order id."
    orders_help: str = (
        "Please reply with a number from the list (e.g. 1) or an order id, or type *menu*."
    )
    order_details: str = "Order {order_id}: {status}\nItems: {items}\nPlaced: {placed}"
    order_expected: str = "Expected delivery: {expected}"
    order_tracking: str = "Track your parcel: {tracking_url}"
    order_footer: str = "Send another order id, or type *menu* for all options."
    order_not_found: str = (
        "Sorry, we cannot find order {order_id} for this number. Please check the id, or "
        "type *agent* and our team will help you."
    )
    stone_by_id: str = "{stock_id} is a diamond in our catalogue, not an order:"
    # "is option 2 certified?", "details of 1": a stone's facts from the catalog.
    stone_heading: str = "Option {n}: {title}, {price}"
    stone_report: str = "Grading report: {lab} {certificate}"
    stone_lab: str = "Graded by {lab}; type *agent* and our team will share the report."
    stone_no_report: str = "Grading report: type *agent* and our team will share it for this stone."
    stone_gone: str = "Option {n} is no longer available."
    order_id_hint: str = "To track an order, send its order id (e.g. ELG-10234)."
    order_change_by_team: str = (
        "Cancelling, returning or changing an order is done by our team, who will check it "
        "with you. Type *agent* and a member of our team will help you in this chat."
    )
    # Before the sender's orders when they typed a phone number or have no order id.
    orders_by_this_number: str = (
        "We find your orders by the WhatsApp number you are chatting from (for your "
        "privacy, never by a number typed here). Ordered from another number? Type *agent* "
        "and our team will help you."
    )
    # Problems the order list cannot answer: the team checks, a person is offered.
    order_not_received: str = (
        "Sorry that your order has not reached you. Our team will check it with the courier: "
        "type *agent* and a member of our team will help you in this chat."
    )
    payment_problem: str = (
        "Sorry for the trouble with your payment. Our team will check it: type *agent* and a "
        "member of our team will help you in this chat (please keep your UPI or bank "
        "reference ready)."
    )
    order_id_not_understood: str = (
        "Sorry, I could not read an order id from that. Please send it like ELG-10234, or "
        "type *agent* and our team will help you."
    )
    # ---- the cart's commands -----------------------------------------------------------------
    cart_actions: str = "Reply *checkout* to order, or *remove 1* to take out an item."
    removed_from_cart: str = "Removed from your cart: {title}.\nType *cart* to see your cart."
    remove_which: str = "Which item should I remove?"
    remove_named_none: str = "Nothing in your cart fits “{named}”."
    remove_named_several: str = "“{named}” fits {count} items in your cart."
    remove_by_number: str = "Send *remove* and the item's number, e.g. *remove {n}*."
    no_such_cart_item: str = (
        "Your cart has no item {n}. Type *cart* to see your items with their numbers."
    )
    cart_cleared: str = "Your cart is now empty.\nType *menu* to keep exploring."
    checkout_link: str = (
        "Thank you! Complete your order here:\n{site}/checkout?cart={token}\n"
        "Total: {total} for {count} item(s). Our team will confirm availability and delivery."
    )
    checkout_left_out: str = "{title} is no longer available, so it is not in this order."
    checkout_repriced: str = "{title}: the price is now {now} (it was {was} when you added it)."
    checkout_nothing_left: str = "Nothing in your cart can be bought now. Type *menu* to explore."
    checkout_empty: str = (
        "Your cart is empty, so there is nothing to check out yet. Type *menu* to explore."
    )

    def with_site(self, site_url: str) -> Copy:
        """A copy with `{site}` filled in everywhere."""
        site = site_url.rstrip("/")
        values = {f.name: getattr(self, f.name).replace("{site}", site) for f in fields(self)}
        return Copy(**values)

    def with_store(self, *, hours: str, contact: str) -> Copy:
        """A copy with the store's `{hours}` and `{contact}` (from its facts) filled in."""
        values = {
            f.name: getattr(self, f.name).replace("{hours}", hours).replace("{contact}", contact)
            for f in fields(self)
        }
        return Copy(**values)
