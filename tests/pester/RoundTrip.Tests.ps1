#requires -Module Pester
# Issue 18 items 1 and 2: every field the spec lets a client set is reachable from New and Set, and
# Export → Sync carries it into an empty project (secrets from -Secret, never from the file).

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $null = New-TestCache
    $source = Start-ComposioEmulator -ApiKey 'ak_source_project_1'
    $target = Start-ComposioEmulator -ApiKey 'ak_target_project_2'
    function Connect-Project($Emulator) {
        Connect-Composio -ApiKey (ConvertTo-SecureString $Emulator.ApiKey -AsPlainText -Force) -BaseUri $Emulator.BaseUri -SkipCheck -PassThru
    }
    function ConvertTo-Secure([string] $Text) { ConvertTo-SecureString $Text -AsPlainText -Force }
    # Keys sorted at every level: a hashtable's order is no difference between two projects.
    function ConvertTo-Canonical($Value) {
        if ($Value -is [System.Collections.IDictionary]) {
            $sorted = [ordered]@{}
            foreach ($k in @($Value.Keys | Sort-Object)) { $sorted[$k] = ConvertTo-Canonical $Value[$k] }
            return $sorted
        }
        if ($Value -is [System.Collections.IList]) { return , @($Value | ForEach-Object { ConvertTo-Canonical $_ }) }
        $Value
    }
    # What a config holds, as the API shows it, without what differs between projects by nature.
    function Get-Held($Emulator) {
        $answer = Invoke-WebRequest -Uri "$($Emulator.BaseUri)/api/v3.1/auth_configs?show_disabled=true&limit=50" -Headers @{ 'x-api-key' = $Emulator.ApiKey }
        ($answer.Content | ConvertFrom-Json -AsHashtable).items | ForEach-Object {
            foreach ($k in 'id', 'uuid', 'created_at', 'last_updated_at') { $_.Remove($k) }
            ConvertTo-Canonical $_ | ConvertTo-Json -Depth 10 -Compress
        } | Sort-Object
    }
}

AfterAll {
    Disconnect-Composio
    $source, $target | Stop-ComposioEmulator
    Remove-TestCache
}

Describe 'Every settable field, from New and Set to Export and Sync' {
    BeforeAll {
        $from = Connect-Project $source
        $to = Connect-Project $target
        $script:Secrets = @{
            'notion.Notion everything.client_secret' = ConvertTo-Secure 'notion-client-secret-0001'
            'notion.Notion everything.proxy_auth_key' = ConvertTo-Secure 'proxy-auth-key-0001'
            'notion.Notion everything.shared.team_token' = ConvertTo-Secure 'shared-team-token-0001'
            'slack.Slack everything.shared.bot_token' = ConvertTo-Secure 'shared-bot-token-0002'
        }
        $custom = New-ComposioAuthConfig -Connection $from -Toolkit notion -Type Custom -AuthScheme OAUTH2 -Name 'Notion everything' `
            -Credentials @{ client_id = 'notion-client-id'; client_secret = 'notion-client-secret-0001' } -Scope read, write -UserScope user.read `
            -ToolsForConnectedAccountCreation NOTION_SEARCH -ToolsAvailableForExecution NOTION_SEARCH, NOTION_CREATE_PAGE `
            -ProxyUrl 'https://proxy.example.test/notion' -ProxyAuthKey (ConvertTo-Secure 'proxy-auth-key-0001') -EnabledForToolRouter `
            -SharedCredentials @{ team_token = (ConvertTo-Secure 'shared-team-token-0001') }
        $managed = New-ComposioAuthConfig -Connection $from -Toolkit slack -Name 'Slack everything' -Scope 'channels:read' -UserScope 'search:read' `
            -ToolsAvailableForExecution SLACK_SEND_MESSAGE -SharedCredentials @{ bot_token = 'shared-bot-token-0002' }
        Set-ComposioAuthConfig -Connection $from -Id $managed.Id -EnabledForToolRouter -Confirm:$false
        Disable-ComposioAuthConfig -Connection $from -Id $managed.Id -Confirm:$false
        $script:Custom = $custom
        $script:File = Join-Path $TestDrive 'backup.psd1'
        Export-ComposioAuthConfig -Connection $from -Path $script:File
        $script:Sync = @(Sync-ComposioAuthConfig -Connection $to -Path $script:File -Secret $script:Secrets -Confirm:$false)
    }

    It 'New sent every field: creation body, then the execution tools as core 0.21 sends them' {
        $writes = @(Get-WireRequest $source | Where-Object { $_.method -ne 'GET' -and $_.path -like '*/auth_configs*' })
        $create = ($writes | Where-Object { $_.method -eq 'POST' })[0].body.auth_config
        $create.proxy_config.proxy_url | Should -Be 'https://proxy.example.test/notion'
        $create.proxy_config.proxy_auth_key | Should -Be 'proxy-auth-key-0001'
        $create.is_enabled_for_tool_router | Should -BeTrue
        $create.shared_credentials.team_token | Should -Be 'shared-team-token-0001'
        $create.credentials.user_scopes | Should -Be 'user.read'
        $create.PSObject.Properties.Name | Should -Not -Contain 'restrict_to_following_tools'
        $patch = $writes | Where-Object { $_.method -eq 'PATCH' -and $_.path -eq "/api/v3.1/auth_configs/$($script:Custom.Id)" }
        $patch.body_text | Should -Be '{"type":"custom","tool_access_config":{"tools_available_for_execution":["NOTION_SEARCH","NOTION_CREATE_PAGE"]}}'
    }

    It 'Export writes every field, secrets as references only' {
        $text = Get-Content -Raw $script:File
        foreach ($key in 'UserScopes', 'ToolsAvailableForExecution', 'ProxyUrl', 'ProxyAuthKey', 'EnabledForToolRouter', 'SharedCredentials') {
            $text | Should -Match "\b$key\b"
        }
        $text | Should -Not -Match 'proxy-auth-key-0001|shared-team-token|shared-bot-token|notion-client-secret'
        $text | Should -Match "ProxyAuthKey = @\{ Secret = 'notion.Notion everything.proxy_auth_key' \}"
    }

    It 'Sync into an empty project makes the server hold the same fields' {
        $script:Sync | Where-Object Action -eq 'Failed' | Should -BeNullOrEmpty
        $held = @(Get-Held $target)
        $held.Count | Should -Be 2
        $held | Should -Be @(Get-Held $source)
    }

    It 'Sync sent the secrets from -Secret, and the execution tools after the create' {
        $writes = @(Get-WireRequest $target | Where-Object { $_.method -ne 'GET' -and $_.path -like '*/auth_configs*' })
        $notion = ($writes | Where-Object { $_.method -eq 'POST' -and $_.body.toolkit.slug -eq 'notion' }).body.auth_config
        $notion.proxy_config.proxy_auth_key | Should -Be 'proxy-auth-key-0001'
        $notion.shared_credentials.team_token | Should -Be 'shared-team-token-0001'
        $notion.credentials.client_secret | Should -Be 'notion-client-secret-0001'
        $slack = ($writes | Where-Object { $_.method -eq 'POST' -and $_.body.toolkit.slug -eq 'slack' }).body.auth_config
        $slack.shared_credentials.bot_token | Should -Be 'shared-bot-token-0002'
        @($writes | Where-Object { $_.body_text -like '*tools_available_for_execution*' }).Count | Should -Be 2
    }

    It 'a second Sync changes nothing' {
        Clear-ComposioEmulatorRequest $target
        $again = @(Sync-ComposioAuthConfig -Connection (Connect-Project $target) -Path $script:File -Secret $script:Secrets -Confirm:$false)
        $again.Action | Sort-Object -Unique | Should -Be 'Unchanged'
        @(Get-WireRequest $target | Where-Object method -ne 'GET') | Should -BeNullOrEmpty
    }
}

Describe 'Set changes and clears the new fields' {
    BeforeAll { $conn = Connect-Project $source }
    BeforeEach { Reset-ComposioEmulator $source }

    It 'sets and removes a proxy, flips the tool router, and clears shared credentials' {
        $c = New-ComposioAuthConfig -Connection $conn -Toolkit notion -Type Custom -AuthScheme OAUTH2 -Name 'p' -Credentials @{ client_id = 'a'; client_secret = 'secret-value-0001' } -SharedCredentials @{ k1 = 'v1-value-long'; k2 = 'v2-value-long' }
        Set-ComposioAuthConfig -Connection $conn -Id $c.Id -ProxyUrl 'https://proxy.test' -ProxyAuthKey (ConvertTo-Secure 'proxy-key-0002') -EnabledForToolRouter:$false -Confirm:$false
        Set-ComposioAuthConfig -Connection $conn -Id $c.Id -ClearProxy -ClearSharedCredentials -Confirm:$false
        $patches = @(Get-WireRequest $source -Method PATCH)
        $patches[0].body_text | Should -Be '{"type":"custom","proxy_config":{"proxy_url":"https://proxy.test","proxy_auth_key":"proxy-key-0002"},"is_enabled_for_tool_router":false}'
        $patches[1].body_text | Should -Be '{"type":"custom","proxy_config":null,"shared_credentials":{"k1":null,"k2":null}}'
        $now = Get-ComposioAuthConfig -Connection $conn -Id $c.Id
        $now.ProxyUrl | Should -BeNullOrEmpty
        $now.SharedCredentials.Count | Should -Be 0
        $now.IsEnabledForToolRouter | Should -BeFalse
    }

    It 'refuses a proxy for a managed config before sending' {
        $m = New-ComposioAuthConfig -Connection $conn -Toolkit github -Name 'm'
        Set-ComposioAuthConfig -Connection $conn -Id $m.Id -ProxyUrl 'https://proxy.test' -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ProxyOnManagedConfig,*'
        @(Get-WireRequest $source -Method PATCH) | Should -BeNullOrEmpty
    }

    It 'sets managed user_scopes at the top level' {
        $m = New-ComposioAuthConfig -Connection $conn -Toolkit slack -Name 'u'
        Set-ComposioAuthConfig -Connection $conn -Id $m.Id -UserScope 'search:read', 'users:read' -Confirm:$false
        (Get-WireRequest $source -Method PATCH)[0].body_text | Should -Be '{"type":"default","user_scopes":"search:read,users:read"}'
    }
}
