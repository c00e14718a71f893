print("ringback-emulator")
