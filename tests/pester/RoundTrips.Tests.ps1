# Requests per operation, counted in the emulator's request log on a warm toolkit cache (issue 19):
# no more round trips than the official SDK for the same operation, and outputs still complete.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    . (Join-Path $PSScriptRoot 'AuthConfigTestSupport.ps1')
    $emulator = Start-TestEmulator
    # Warm the toolkit cache for the toolkits used below; the counts are about the operations.
    foreach ($slug in 'github', 'notion', 'hubspot') { Get-ComposioAuthConfigField -Toolkit $slug -AuthScheme OAUTH2 | Out-Null }

    # Every request since the last clear, as "METHOD path".
    function Get-Sent {
        $log = Get-ComposioEmulatorRequest $emulator
        @($log | ForEach-Object { "$($_.method) $($_.path)" })
    }

    # Each property of an output object as JSON, the Connection note aside (the same object on both).
    function ConvertTo-PropertyText($Config) {
        $text = [ordered]@{}
        foreach ($property in $Config.PSObject.Properties | Where-Object Name -ne 'Connection') {
            $text[$property.Name] = ConvertTo-Json -InputObject $property.Value -Depth 6 -Compress
        }
        $text
    }
}
AfterAll { Stop-TestEmulator $emulator }

Describe 'Round trips: one request per operation' {
    BeforeEach {
        Remove-Variable -Name made -ErrorAction SilentlyContinue
        Clear-ComposioEmulatorRequest $emulator
    }

    It 'New with -Name sends only the POST' {
        $made = New-ComposioAuthConfig github -Name 'one-request'
        Get-Sent | Should -Be @('POST /api/v3.1/auth_configs')
        $made.Id | Should -Match '^ac_'
        $made.Name | Should -BeExactly 'one-request'
        $made.Status | Should -Be 'ENABLED'
        $made.ConnectionCount | Should -Be 0
    }

    It 'New without -Name reads the name the server chose (POST then GET)' {
        $made = New-ComposioAuthConfig github
        Get-Sent | Should -Be @('POST /api/v3.1/auth_configs', "GET /api/v3.1/auth_configs/$($made.Id)")
        $made.Name | Should -Not -BeNullOrEmpty
    }

    It 'New shown in its default table view sends only the POST' {
        New-ComposioAuthConfig github -Name 'shown' | Out-String | Should -Match 'shown'
        Get-Sent | Should -Be @('POST /api/v3.1/auth_configs')
    }

    It 'Remove sends one DELETE, by id and piped' {
        $one = New-ComposioAuthConfig github -Name 'rm-1'
        $two = New-ComposioAuthConfig github -Name 'rm-2'
        Clear-ComposioEmulatorRequest $emulator
        Remove-ComposioAuthConfig -Id $one.Id -Force
        Get-Sent | Should -Be @("DELETE /api/v3.1/auth_configs/$($one.Id)")
        Clear-ComposioEmulatorRequest $emulator
        $two | Remove-ComposioAuthConfig -Force
        Get-Sent | Should -Be @("DELETE /api/v3.1/auth_configs/$($two.Id)")
    }

    It 'Remove of an id this connection has not seen: -Force sends only the DELETE; -WhatIf reads the count for its text and deletes nothing' {
        # Made through another connection; the default one made next has not seen it.
        $id = (New-ComposioAuthConfig github -Name 'rm-unseen' -Connection (Connect-TestEmulator $emulator)).Id
        $other = (New-ComposioAuthConfig github -Name 'rm-unseen-2' -Connection (Connect-TestEmulator $emulator)).Id
        Connect-TestEmulator $emulator | Out-Null
        Clear-ComposioEmulatorRequest $emulator
        Remove-ComposioAuthConfig -Id $id -Force
        Get-Sent | Should -Be @("DELETE /api/v3.1/auth_configs/$id")

        Clear-ComposioEmulatorRequest $emulator
        Remove-ComposioAuthConfig -Id $other -Confirm:$false
        Get-Sent | Should -Be @("DELETE /api/v3.1/auth_configs/$other")

        $unseen = (New-ComposioAuthConfig github -Name 'rm-whatif' -Connection (Connect-TestEmulator $emulator)).Id
        Connect-TestEmulator $emulator | Out-Null
        Clear-ComposioEmulatorRequest $emulator
        $transcript = Join-Path $TestDrive 'remove-whatif.txt'
        Start-Transcript -Path $transcript -Force | Out-Null
        try { Remove-ComposioAuthConfig -Id $unseen -WhatIf } finally { Stop-Transcript | Out-Null }
        Get-Sent | Should -Be @("GET /api/v3.1/auth_configs/$unseen")
        @(Get-Content $transcript | Where-Object { $_ -like 'What if:*' })[0] | Should -BeLike "*'rm-whatif' ($unseen, github) in project *, 0 connected account(s)*"
    }

    It '<Verb> sends one PATCH; with -PassThru it reads the config back' -ForEach @(
        @{ Verb = 'Disable'; Status = 'DISABLED' }
        @{ Verb = 'Enable'; Status = 'ENABLED' }
    ) {
        $made = New-ComposioAuthConfig github -Name "status-$Verb"
        Clear-ComposioEmulatorRequest $emulator
        & "$Verb-ComposioAuthConfig" -Id $made.Id
        Get-Sent | Should -Be @("PATCH /api/v3.1/auth_configs/$($made.Id)/$Status")
        Clear-ComposioEmulatorRequest $emulator
        $current = $made | & "$Verb-ComposioAuthConfig" -PassThru
        Get-Sent | Should -Be @("PATCH /api/v3.1/auth_configs/$($made.Id)/$Status", "GET /api/v3.1/auth_configs/$($made.Id)")
        $current.Status | Should -Be $Status
    }

    It 'Set sends one PATCH for a config piped in or seen on this connection' {
        $made = New-ComposioAuthConfig notion -Name 'set-me' -Type Custom -AuthScheme OAUTH2 -ClientId a -ClientSecret (ConvertTo-Secure b)
        Clear-ComposioEmulatorRequest $emulator
        $made | Set-ComposioAuthConfig -Name 'set-piped'
        Get-Sent | Should -Be @("PATCH /api/v3.1/auth_configs/$($made.Id)")
        Clear-ComposioEmulatorRequest $emulator
        Set-ComposioAuthConfig -Id $made.Id -ClientSecret (ConvertTo-Secure 'rotated')
        Get-Sent | Should -Be @("PATCH /api/v3.1/auth_configs/$($made.Id)")
    }

    It 'Set reads an unseen config once to choose the body, and -PassThru reads it back' {
        # Made through another connection; the default one made next has not seen it.
        $id = (New-ComposioAuthConfig github -Name 'unseen' -Connection (Connect-TestEmulator $emulator)).Id
        Connect-TestEmulator $emulator | Out-Null
        Clear-ComposioEmulatorRequest $emulator
        Set-ComposioAuthConfig -Id $id -Name 'seen-now' -PassThru | Out-Null
        Get-Sent | Should -Be @("GET /api/v3.1/auth_configs/$id", "PATCH /api/v3.1/auth_configs/$id", "GET /api/v3.1/auth_configs/$id")
    }

    It 'a one-shot script (import, connect, create, remove) makes three requests: the key check, the POST, the DELETE' {
        $key = $emulator.ApiKey; $uri = $emulator.BaseUri
        $lines = Invoke-FreshPwsh "`$env:COMPOSIO_CACHE_DIR = '$env:COMPOSIO_CACHE_DIR'; Connect-Composio -ApiKey (ConvertTo-SecureString '$key' -AsPlainText -Force) -BaseUri '$uri' | Out-Null; `$c = New-ComposioAuthConfig github -Name one-shot; Remove-ComposioAuthConfig -Id `$c.Id -Force; 'done'"
        "$lines" | Should -Match 'done'
        $sent = Get-Sent
        $sent | Should -HaveCount 3
        $sent[0] | Should -BeLike 'GET /api/v3.1/auth_configs'
        $sent[1] | Should -Be 'POST /api/v3.1/auth_configs'
        $sent[2] | Should -BeLike 'DELETE /api/v3.1/auth_configs/ac_*'
    }
}

Describe 'Round trips: what New builds equals what the server holds' {
    BeforeEach { Clear-ComposioEmulatorRequest $emulator }

    It 'New <Case> outputs every property as a fresh Get-ComposioAuthConfig -Id shows it' -ForEach @(
        @{ Case = 'managed'; Make = { New-ComposioAuthConfig github -Name 'eq-managed' } }
        @{ Case = 'managed with scopes'; Make = { New-ComposioAuthConfig hubspot -Name 'eq-scopes' -Scope sales-email-read, tickets } }
        @{ Case = 'managed with tools (the server derives the scopes)'; Make = { New-ComposioAuthConfig github -Name 'eq-tools' -ToolsForConnectedAccountCreation GITHUB_GET_THE_AUTHENTICATED_USER } }
        @{ Case = 'custom OAuth2 with secrets'; Make = { New-ComposioAuthConfig notion -Name 'eq-custom' -Type Custom -AuthScheme OAUTH2 -ClientId 'client-id-1234567' -ClientSecret (ConvertTo-Secure 'secret-1234567890') -RedirectUri 'https://example.org/cb' } }
    ) {
        $made = & $Make
        (Get-Sent).Count | Should -Be 1
        $fresh = Get-ComposioAuthConfig -Id $made.Id
        $ours = ConvertTo-PropertyText $made
        $theirs = ConvertTo-PropertyText $fresh
        @($ours.Keys) | Should -Be @($theirs.Keys)
        foreach ($name in $theirs.Keys) {
            $ours[$name] | Should -BeExactly $theirs[$name] -Because "New's $name should be the server's"
        }
        # Reading New's server-only fields took one GET in all, however many were read.
        @(Get-Sent | Where-Object { $_ -eq "GET /api/v3.1/auth_configs/$($made.Id)" }).Count | Should -Be 2
    }

    It 'a piped row of a disabled config: POST then the DISABLED status, no read-back, and the output says DISABLED' {
        $made = [pscustomobject]@{ Toolkit = 'github'; Name = 'eq-disabled-row'; Status = 'DISABLED' } | New-ComposioAuthConfig
        Get-Sent | Should -Be @('POST /api/v3.1/auth_configs', "PATCH /api/v3.1/auth_configs/$($made.Id)/DISABLED")
        $made.Status | Should -Be 'DISABLED'
        $fresh = Get-ComposioAuthConfig -Id $made.Id
        $ours = ConvertTo-PropertyText $made
        $theirs = ConvertTo-PropertyText $fresh
        foreach ($name in $theirs.Keys) {
            $ours[$name] | Should -BeExactly $theirs[$name] -Because "New's $name should be the server's"
        }
    }

    It 'leaves the server-only fields empty, without an error, when reading them fails' {
        $made = New-ComposioAuthConfig github -Name 'eq-gone'
        Remove-ComposioAuthConfig -Id $made.Id -Force
        $made.CreatedAt | Should -BeNullOrEmpty
        $made.Uuid | Should -BeNullOrEmpty
        $made.Id | Should -Match '^ac_'
        $made.Name | Should -BeExactly 'eq-gone'
        @(Get-Sent | Where-Object { $_ -like 'GET *' }).Count | Should -Be 1
    }
}
