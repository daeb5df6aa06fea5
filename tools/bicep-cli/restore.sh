#!/usr/bin/env bash
# Downloads Microsoft's Bicep CLI (and Bicep's Azure type definitions) from NuGet into .cache/nuget
# and prints the CLI's path. Contributors only: azcdk itself never needs .NET or Bicep.
#   export AZCDK_BICEP="$(tools/bicep-cli/restore.sh)"
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dotnet restore "$root/tools/bicep-cli/bicep-cli.csproj" --packages "$root/.cache/nuget" >&2
bicep="$root/.cache/nuget/azure.bicep.commandline.linux-x64/0.49.2/tools/bicep"
chmod +x "$bicep"
echo "$bicep"
