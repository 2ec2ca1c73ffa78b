"""elgbot: the WhatsApp shopping assistant of ELG."""
