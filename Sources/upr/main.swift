import UPRCommands

await UPRCommand.execute()
